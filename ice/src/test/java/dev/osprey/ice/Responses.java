package dev.osprey.ice;

import dev.osprey.stun.IntegrityKey;
import dev.osprey.stun.StunClass;
import dev.osprey.stun.StunErrorCode;
import dev.osprey.stun.StunIntegrity;
import dev.osprey.stun.StunMessage;
import dev.osprey.stun.StunMethod;
import dev.osprey.stun.TransactionId;
import dev.osprey.stun.attribute.ErrorCode;
import dev.osprey.stun.attribute.Fingerprint;
import dev.osprey.stun.attribute.MessageIntegrity;
import dev.osprey.stun.attribute.StunAttribute;
import dev.osprey.stun.attribute.XorMappedAddress;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.net.InetSocketAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The exact answers RFC 8445 §7.3 and RFC 8489 require, asserted attribute by attribute. */
final class Responses {
    private Responses() {
    }

    /** A success response: XOR-MAPPED-ADDRESS of the sender, then MESSAGE-INTEGRITY, then FINGERPRINT; nothing else. */
    static void assertSuccess(byte[] response, TransactionId tid, InetSocketAddress mapped, String password) {
        StunMessage m = Checks.decode(response);
        assertThat(m.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(m.method()).isEqualTo(StunMethod.BINDING);
        assertThat(m.transactionId()).isEqualTo(tid);
        List<Class<?>> order = m.attributes().stream().<Class<?>>map(StunAttribute::getClass).toList();
        assertThat(order).containsExactly(XorMappedAddress.class, MessageIntegrity.class, Fingerprint.class);
        assertThat(m.attribute(XorMappedAddress.class).orElseThrow().address()).isEqualTo(mapped);
        assertIntegrity(response, password);
    }

    /** An error response with the code, FINGERPRINT, and MESSAGE-INTEGRITY exactly when a password is given. */
    static StunMessage assertError(byte[] response, TransactionId tid, StunErrorCode code, String password) {
        StunMessage m = Checks.decode(response);
        assertThat(m.messageClass()).isEqualTo(StunClass.ERROR_RESPONSE);
        assertThat(m.method()).isEqualTo(StunMethod.BINDING);
        assertThat(m.transactionId()).isEqualTo(tid);
        assertThat(m.attribute(ErrorCode.class).orElseThrow().code()).isEqualTo(code);
        assertThat(m.attribute(XorMappedAddress.class)).isEmpty();
        assertThat(m.attributes().get(m.attributes().size() - 1)).isInstanceOf(Fingerprint.class);
        if (password != null) {
            assertIntegrity(response, password);
        } else {
            assertThat(m.attribute(MessageIntegrity.class)).isEmpty();
        }
        return m;
    }

    static void assertIntegrity(byte[] response, String password) {
        ByteBuf buf = Unpooled.wrappedBuffer(response);
        try {
            assertThat(StunIntegrity.verify(buf, IntegrityKey.shortTerm(password))).isEqualTo(StunIntegrity.Result.VALID);
            assertThat(StunIntegrity.verifyFingerprint(buf)).isEqualTo(StunIntegrity.Result.VALID);
        } finally {
            buf.release();
        }
    }
}
