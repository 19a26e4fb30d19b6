package dev.osprey.turn.server;

import dev.osprey.stun.MessageProtection;
import dev.osprey.stun.StunEncoder;
import dev.osprey.stun.StunErrorCode;
import dev.osprey.stun.StunMessage;
import dev.osprey.stun.attribute.ErrorCode;
import dev.osprey.stun.attribute.Nonce;
import dev.osprey.stun.attribute.Realm;
import dev.osprey.stun.attribute.StunAttribute;
import dev.osprey.turn.metrics.Refusal;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.util.List;

/**
 * Encodes, caches and sends responses (RFC 8489 §6.3). Success and error responses to an authenticated request carry
 * MESSAGE-INTEGRITY (or -SHA256, as the request did) with the request's key; a challenge (401, 438) carries REALM and
 * a fresh NONCE and no integrity. FINGERPRINT is added when the request had one. Every response is remembered in the
 * 5-tuple's transaction cache so that a retransmission gets the same bytes.
 */
public final class TurnResponder {
    private final TurnServices services;

    TurnResponder(TurnServices services) {
        this.services = services;
    }

    /** A success response with {@code attributes}, protected with the request's key when it has one. */
    public void success(TurnRequest request, List<StunAttribute> attributes) {
        StunMessage.Builder builder = StunMessage.successResponseTo(request.message());
        attributes.forEach(builder::add);
        send(request, builder.build(), protection(request));
    }

    /** An error response for {@code refusal}, counted; extra attributes (UNKNOWN-ATTRIBUTES) go before integrity. */
    public void error(TurnRequest request, Refusal refusal, StunAttribute... extra) {
        services.metrics().refused(refusal);
        StunMessage.Builder builder = StunMessage.errorResponseTo(request.message())
                .add(new ErrorCode(StunErrorCode.valueOf(refusal.code()), refusal.reasonPhrase()));
        for (StunAttribute attribute : extra) {
            builder.add(attribute);
        }
        send(request, builder.build(), protection(request));
    }

    /**
     * A long-term authentication challenge (RFC 8489 §9.2.4): 401 or 438 with REALM and a fresh NONCE, never with
     * integrity. {@code refusal} is null for the first 401 to a request without credentials, which is not a failure.
     */
    public void challenge(TurnRequest request, Refusal refusal) {
        Refusal shown = refusal == null ? Refusal.WRONG_PASSWORD : refusal;
        if (refusal != null) {
            services.metrics().refused(refusal);
            services.metrics().authFailed(refusal);
        }
        String nonce = services.nonces().issue(request.client().getAddress(), services.clock().epochSeconds());
        StunMessage response = StunMessage.errorResponseTo(request.message())
                .add(new ErrorCode(StunErrorCode.valueOf(shown.code()), shown.reasonPhrase()))
                .add(new Realm(services.config().realm()))
                .add(new Nonce(nonce))
                .build();
        send(request, response, request.hasFingerprint() ? MessageProtection.FINGERPRINT : MessageProtection.NONE);
    }

    private static MessageProtection protection(TurnRequest request) {
        MessageProtection protection = MessageProtection.NONE;
        if (request.key() != null) {
            protection = request.usesSha256() ? MessageProtection.integritySha256(request.key())
                    : MessageProtection.integrity(request.key());
        }
        return request.hasFingerprint() ? protection.withFingerprint() : protection;
    }

    private void send(TurnRequest request, StunMessage response, MessageProtection protection) {
        ClientConnection connection = request.connection();
        ByteBuf out = connection.alloc().ioBuffer(256);
        try {
            StunEncoder.encode(response, out, protection);
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
        connection.transactions().complete(request.client(), request.message().transactionId(),
                ByteBufUtil.getBytes(out), services.clock().nanoTime());
        connection.write(out);
        connection.flush();
    }

    /** Sends a cached response again (a retransmitted request). */
    public static void resend(ClientConnection connection, byte[] response) {
        connection.write(connection.alloc().ioBuffer(response.length).writeBytes(response));
        connection.flush();
    }
}
