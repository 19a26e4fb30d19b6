package dev.osprey.turn.server;

import dev.osprey.stun.IntegrityKey;
import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.StunIntegrity;
import dev.osprey.stun.StunMessage;
import dev.osprey.stun.attribute.Nonce;
import dev.osprey.stun.attribute.Realm;
import dev.osprey.stun.attribute.Username;
import dev.osprey.turn.auth.Credential;
import dev.osprey.turn.auth.LongTermKey;
import dev.osprey.turn.auth.NonceIssuer.NonceStatus;
import dev.osprey.turn.metrics.Refusal;
import io.netty.buffer.ByteBuf;

import java.util.Optional;

/**
 * The server side of the long-term credential mechanism (RFC 8489 §9.2.4), which RFC 8656 §5 requires for every
 * TURN request: no integrity → 401 with REALM and NONCE; integrity without USERNAME, REALM or NONCE → 400; a nonce
 * that is not ours or has expired → 438 with a fresh one; a USERNAME other than the allocation's → 441; an unknown
 * user or a wrong MAC → 401. On an allocation's 5-tuple the key cached in the allocation is used, so refreshes cost
 * no credential lookup.
 */
public final class Authenticator {
    private final TurnServices services;
    private final TurnResponder responder;

    public Authenticator(TurnServices services) {
        this.services = services;
        this.responder = services.responder();
    }

    /**
     * Authenticates {@code request} whose encoded form is {@code raw}; on failure the answer is sent.
     *
     * @return whether the request may proceed
     */
    public boolean authenticate(TurnRequest request, ByteBuf raw) {
        StunMessage message = request.message();
        if (!message.has(StunAttributeType.MESSAGE_INTEGRITY) && !message.has(StunAttributeType.MESSAGE_INTEGRITY_SHA256)) {
            responder.challenge(request, null);
            return false;
        }
        Optional<Username> username = message.attribute(Username.class);
        Optional<Realm> realm = message.attribute(Realm.class);
        Optional<Nonce> nonce = message.attribute(Nonce.class);
        if (username.isEmpty() || realm.isEmpty() || nonce.isEmpty()) {
            services.metrics().authFailed(Refusal.BAD_REQUEST);
            responder.error(request, Refusal.BAD_REQUEST);
            return false;
        }
        NonceStatus status = services.nonces().check(nonce.get().value(), request.client().getAddress(),
                services.clock().epochSeconds());
        if (status != NonceStatus.VALID) {
            responder.challenge(request, Refusal.STALE_NONCE);
            return false;
        }
        return verify(request, raw, username.get().value(), realm.get().value());
    }

    private boolean verify(TurnRequest request, ByteBuf raw, String username, String realm) {
        Allocation allocation = request.connection().allocation();
        if (allocation != null && !allocation.username().equals(username)) {
            services.metrics().authFailed(Refusal.WRONG_CREDENTIALS);
            responder.error(request, Refusal.WRONG_CREDENTIALS);
            return false;
        }
        Credential credential = null;
        IntegrityKey key;
        if (allocation != null) {
            key = allocation.key();
        } else {
            Optional<Credential> found = realm.equals(services.config().realm())
                    ? services.credentials().lookup(username, services.clock().epochSeconds()) : Optional.empty();
            if (found.isEmpty()) {
                responder.challenge(request, Refusal.WRONG_PASSWORD);
                return false;
            }
            credential = found.get();
            key = IntegrityKey.ofBytes(LongTermKey.derive(username, realm, credential.password()));
        }
        if (StunIntegrity.verify(raw, key) != StunIntegrity.Result.VALID) {
            responder.challenge(request, Refusal.WRONG_PASSWORD);
            return false;
        }
        request.authenticated(username, key, credential);
        return true;
    }
}
