package dev.osprey.ice;

import dev.osprey.stun.AttributeScanner;
import dev.osprey.stun.IntegrityKey;
import dev.osprey.stun.MessageProtection;
import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.StunClass;
import dev.osprey.stun.StunDecoder;
import dev.osprey.stun.StunEncoder;
import dev.osprey.stun.StunErrorCode;
import dev.osprey.stun.StunHeader;
import dev.osprey.stun.StunIntegrity;
import dev.osprey.stun.StunMessage;
import dev.osprey.stun.StunMethod;
import dev.osprey.stun.StunParseException;
import dev.osprey.stun.TransactionId;
import dev.osprey.stun.attribute.ErrorCode;
import dev.osprey.stun.attribute.Software;
import dev.osprey.stun.attribute.UnknownAttributes;
import dev.osprey.stun.attribute.XorMappedAddress;
import io.netty.buffer.ByteBuf;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;

/**
 * Answers connectivity checks as an ICE-lite agent (RFC 8445 §7.3, RFC 8489 §9.1.3). Until a request is
 * authenticated everything runs on the receive buffer in place: header peek, FINGERPRINT, USERNAME located by
 * scanning, the ufrag looked up without a String, MESSAGE-INTEGRITY checked with the precomputed key. A forged or
 * stray request therefore creates no object and no state; it is counted and, within the error budget, answered
 * 400/401 as RFC 8489 asks. Only an authenticated request is decoded and answered with XOR-MAPPED-ADDRESS,
 * MESSAGE-INTEGRITY and FINGERPRINT (§7.3.1.1 of RFC 8445 for role conflicts: a lite agent is always controlled,
 * so ICE-CONTROLLED in a request gets 487 and the peer takes the controlling role).
 */
final class BindingHandler {
    private static final int BINDING_REQUEST = StunMethod.BINDING.messageType(StunClass.REQUEST);
    private static final int BINDING_INDICATION = StunMethod.BINDING.messageType(StunClass.INDICATION);
    private static final int USERNAME = StunAttributeType.USERNAME.code();
    private static final int MESSAGE_INTEGRITY = StunAttributeType.MESSAGE_INTEGRITY.code();
    private static final int MESSAGE_INTEGRITY_SHA256 = StunAttributeType.MESSAGE_INTEGRITY_SHA256.code();

    private final UfragTable ufrags;
    private final IceMetrics metrics;
    private final ErrorResponseBudget errorBudget;
    private final Clock clock;
    private final Software software;

    BindingHandler(UfragTable ufrags, IceMetrics metrics, ErrorResponseBudget errorBudget, Clock clock,
                   String software) {
        this.ufrags = ufrags;
        this.metrics = metrics;
        this.errorBudget = errorBudget;
        this.clock = clock;
        this.software = software.isEmpty() ? null : new Software(software);
    }

    /** Handles one STUN packet from {@code remote}; never releases {@code msg}. */
    void handle(CheckReceiver rx, ByteBuf msg, InetSocketAddress remote) {
        if (!StunHeader.isStunMessage(msg)) {
            metrics.dropped(DropReason.MALFORMED_STUN);
            return;
        }
        int type = StunHeader.messageType(msg);
        if (type == BINDING_INDICATION) {
            return; // RFC 8445 §11 keepalive: no answer, and (RFC 7675 §5.1) no consent either
        }
        if (type != BINDING_REQUEST) {
            metrics.dropped(DropReason.UNEXPECTED_STUN);
            return;
        }
        if (StunIntegrity.verifyFingerprint(msg) == StunIntegrity.Result.INVALID) {
            metrics.dropped(DropReason.BAD_FINGERPRINT); // maybe not STUN at all: no answer
            return;
        }
        int user = AttributeScanner.find(msg, USERNAME);
        if (user == AttributeScanner.MALFORMED) {
            metrics.dropped(DropReason.MALFORMED_STUN);
            return;
        }
        if (user < 0 || !hasIntegrity(msg)) {
            reject(rx, msg, remote, StunErrorCode.BAD_REQUEST, DropReason.MISSING_CREDENTIALS);
            return;
        }
        CredentialEntry entry = lookup(msg, user);
        if (entry == null) {
            reject(rx, msg, remote, StunErrorCode.UNAUTHENTICATED, DropReason.UNKNOWN_UFRAG);
            return;
        }
        if (StunIntegrity.verify(msg, entry.key()) != StunIntegrity.Result.VALID) {
            reject(rx, msg, remote, StunErrorCode.UNAUTHENTICATED, DropReason.BAD_INTEGRITY);
            return;
        }
        answerAuthenticated(rx, msg, remote, entry);
    }

    private static boolean hasIntegrity(ByteBuf msg) {
        return AttributeScanner.find(msg, MESSAGE_INTEGRITY) >= 0
                || AttributeScanner.find(msg, MESSAGE_INTEGRITY_SHA256) >= 0;
    }

    /** USERNAME is "local-ufrag:remote-ufrag"; only the local half matters (RFC 8445 §7.3). */
    private CredentialEntry lookup(ByteBuf msg, int user) {
        int end = user + AttributeScanner.valueLength(msg, user);
        for (int i = user; i < end; i++) { // a plain loop: ByteBuf.indexOf may allocate a ByteProcessor
            if (msg.getByte(i) == ':') {
                return i == user ? null : ufrags.find(msg, user, i - user);
            }
        }
        return null;
    }

    private void answerAuthenticated(CheckReceiver rx, ByteBuf msg, InetSocketAddress remote, CredentialEntry entry) {
        StunMessage request;
        try {
            request = StunDecoder.decode(msg);
        } catch (StunParseException e) {
            respond(rx, remote, error(StunHeader.transactionId(msg), StunErrorCode.BAD_REQUEST), entry.key());
            metrics.response(StunErrorCode.BAD_REQUEST.code());
            return;
        }
        List<StunAttributeType> unknown = request.unknownComprehensionRequired();
        if (!unknown.isEmpty()) {
            respond(rx, remote, error(request.transactionId(), StunErrorCode.UNKNOWN_ATTRIBUTE)
                    .add(new UnknownAttributes(unknown)), entry.key());
            metrics.response(StunErrorCode.UNKNOWN_ATTRIBUTE.code());
            return;
        }
        if (request.has(StunAttributeType.ICE_CONTROLLED)) {
            respond(rx, remote, error(request.transactionId(), StunErrorCode.ROLE_CONFLICT), entry.key());
            metrics.response(StunErrorCode.ROLE_CONFLICT.code());
            return;
        }
        ValidPair pair = rx.pairFor(entry.transport(), remote);
        if (pair == null) {
            metrics.dropped(DropReason.TRANSPORT_CLOSED);
            return;
        }
        respond(rx, remote, StunMessage.successResponseTo(request).add(new XorMappedAddress(remote)), entry.key());
        metrics.response(IceMetrics.SUCCESS);
        entry.transport().onValidCheck(pair, entry, request.has(StunAttributeType.USE_CANDIDATE));
    }

    /** 400/401 to an unauthenticated request, without MESSAGE-INTEGRITY (there is no key to use), if the budget allows. */
    private void reject(CheckReceiver rx, ByteBuf msg, InetSocketAddress remote, StunErrorCode code, DropReason reason) {
        metrics.dropped(reason);
        if (errorBudget.tryAcquire(clock.millis())) {
            respond(rx, remote, error(StunHeader.transactionId(msg), code), null);
            metrics.response(code.code());
        }
    }

    private static StunMessage.Builder error(TransactionId tid, StunErrorCode code) {
        return StunMessage.builder(StunClass.ERROR_RESPONSE, StunMethod.BINDING, tid).add(ErrorCode.of(code));
    }

    /** Encodes with SOFTWARE (if configured), MESSAGE-INTEGRITY when a key is given, and always FINGERPRINT. */
    private void respond(CheckReceiver rx, InetSocketAddress remote, StunMessage.Builder message, IntegrityKey key) {
        if (software != null) {
            message.add(software);
        }
        MessageProtection protection = key == null
                ? MessageProtection.FINGERPRINT
                : MessageProtection.integrity(key).withFingerprint();
        ByteBuf out = rx.alloc().ioBuffer(128);
        try {
            StunEncoder.encode(message.build(), out, protection);
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
        rx.reply(out, remote);
    }
}
