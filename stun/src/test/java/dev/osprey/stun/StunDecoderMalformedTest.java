package dev.osprey.stun;

import dev.osprey.stun.StunParseException.Reason;
import dev.osprey.stun.attribute.Software;
import dev.osprey.stun.attribute.Username;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each rule of RFC 8489 §5/§14 broken on purpose: the decoder refuses with its own exception and reason. */
class StunDecoderMalformedTest {
    private static final IntegrityKey KEY = IntegrityKey.shortTerm("secretpassword123456");

    private static void assertRejected(ByteBuf buf, Reason reason) {
        try {
            int reader = buf.readerIndex();
            assertThatThrownBy(() -> StunDecoder.decode(buf))
                    .isInstanceOf(StunParseException.class)
                    .extracting(e -> ((StunParseException) e).reason()).isEqualTo(reason);
            assertThat(buf.readerIndex()).isEqualTo(reader);
        } finally {
            buf.release();
        }
    }

    @Test
    void shorterThanAHeader() {
        assertRejected(Unpooled.wrappedBuffer(new byte[19]), Reason.TRUNCATED);
        assertRejected(Unpooled.EMPTY_BUFFER.retainedDuplicate(), Reason.TRUNCATED);
    }

    @Test
    void leadingBitsOrCookieWrong() {
        assertRejected(new RawMessage().type(0x8001).build(), Reason.NOT_STUN);
        assertRejected(new RawMessage().type(0x4001).build(), Reason.NOT_STUN);
        assertRejected(new RawMessage().cookie(0x2112A443).build(), Reason.NOT_STUN);
    }

    @Test
    void lengthNotAMultipleOfFour() {
        assertRejected(new RawMessage().attribute(0x8022, 3, 'a', 'b', 'c').lengthField(7).build(), Reason.BAD_LENGTH);
    }

    @Test
    void lengthDisagreesWithTheBytes() {
        assertRejected(new RawMessage().attribute(0x8022, 4, 'a', 'b', 'c', 'd').lengthField(12).build(),
                Reason.TRUNCATED);
        assertRejected(new RawMessage().attribute(0x8022, 4, 'a', 'b', 'c', 'd').lengthField(4).build(),
                Reason.BAD_LENGTH);
    }

    @Test
    void attributePastTheEnd() {
        assertRejected(new RawMessage().attribute(0x8022, 9, 'a', 'b', 'c', 'd').build(), Reason.ATTRIBUTE_OVERFLOW);
        assertRejected(new RawMessage().attribute(0x0006, 0xFFFF).build(), Reason.ATTRIBUTE_OVERFLOW);
    }

    @Test
    void attributeValueMissing() {
        // a TLV header announcing 8 bytes of value, and nothing after it
        assertRejected(new RawMessage().bytes(0x80, 0x22, 0x00, 0x08).build(), Reason.ATTRIBUTE_OVERFLOW);
    }

    @Test
    void badFingerprint() {
        ByteBuf good = encoded(MessageProtection.FINGERPRINT);
        good.setByte(good.writerIndex() - 1, good.getByte(good.writerIndex() - 1) ^ 0x01);
        assertThat(StunIntegrity.verifyFingerprint(good)).isEqualTo(StunIntegrity.Result.INVALID);
        assertRejected(good, Reason.FINGERPRINT_MISMATCH);
    }

    @Test
    void fingerprintOverATamperedBody() {
        ByteBuf good = encoded(MessageProtection.FINGERPRINT);
        good.setByte(25, good.getByte(25) ^ 0x20); // a letter of SOFTWARE changes case
        assertRejected(good, Reason.FINGERPRINT_MISMATCH);
    }

    @Test
    void fingerprintNotLast() {
        ByteBuf buf = new RawMessage().attribute(0x8028, 4, 0, 0, 0, 0).attribute(0x8022, 1, 'x').build();
        assertThat(StunIntegrity.verifyFingerprint(buf)).isEqualTo(StunIntegrity.Result.INVALID);
        assertRejected(buf, Reason.MISPLACED_FINGERPRINT);
    }

    @Test
    void fingerprintOfWrongLength() {
        assertRejected(new RawMessage().attribute(0x8028, 8, 0, 0, 0, 0, 0, 0, 0, 0).build(), Reason.MALFORMED_ATTRIBUTE);
    }

    /** MESSAGE-INTEGRITY is computed over a header length that counts up to its own end (§14.5). */
    @Test
    void integrityOverTheWrongLengthFailsVerification() {
        ByteBuf buf = encoded(MessageProtection.integrity(KEY));
        try {
            assertThat(StunIntegrity.verify(buf, KEY)).isEqualTo(StunIntegrity.Result.VALID);
            // Recompute what a broken sender would: HMAC over the header length of the message *without* MI.
            int miAt = buf.writerIndex() - 24;
            ByteBuf wrong = buf.copy(0, miAt);
            wrong.setShort(2, miAt - 20);
            byte[] mac = hmacSha1(KEY, wrong);
            wrong.release();
            buf.setBytes(miAt + 4, mac);
            assertThat(StunIntegrity.verify(buf, KEY)).isEqualTo(StunIntegrity.Result.INVALID);
        } finally {
            buf.release();
        }
    }

    @Test
    void integrityOfWrongLength() {
        ByteBuf buf = new RawMessage().attribute(0x0006, 4, 'u', 's', 'e', 'r')
                .attribute(0x0008, 16, new int[16]).build();
        assertThat(StunIntegrity.verify(buf, KEY)).isEqualTo(StunIntegrity.Result.INVALID);
        assertRejected(buf, Reason.MALFORMED_ATTRIBUTE);
    }

    @Test
    void integrityWithAnotherKeyOrTamperedBodyIsInvalid() {
        ByteBuf buf = encoded(MessageProtection.integrity(KEY).withFingerprint());
        try {
            assertThat(StunIntegrity.verify(buf, IntegrityKey.shortTerm("secretpassword123457")))
                    .isEqualTo(StunIntegrity.Result.INVALID);
            buf.setByte(30, buf.getByte(30) ^ 1);
            assertThat(StunIntegrity.verify(buf, KEY)).isEqualTo(StunIntegrity.Result.INVALID);
        } finally {
            buf.release();
        }
    }

    @Test
    void malformedKnownAttributes() {
        // XOR-MAPPED-ADDRESS with family 3, and IPv4 family with IPv6 length
        assertRejected(new RawMessage().attribute(0x0020, 8, 0, 3, 0, 0, 1, 2, 3, 4).build(), Reason.MALFORMED_ATTRIBUTE);
        assertRejected(new RawMessage().attribute(0x0020, 20, 0, 1, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
                13, 14, 15, 16).build(), Reason.MALFORMED_ATTRIBUTE);
        assertRejected(new RawMessage().attribute(0x0001, 2, 0, 1).build(), Reason.MALFORMED_ATTRIBUTE);
        // ERROR-CODE class 7, and number 100
        assertRejected(new RawMessage().attribute(0x0009, 4, 0, 0, 7, 0).build(), Reason.MALFORMED_ATTRIBUTE);
        assertRejected(new RawMessage().attribute(0x0009, 4, 0, 0, 4, 100).build(), Reason.MALFORMED_ATTRIBUTE);
        assertRejected(new RawMessage().attribute(0x0009, 3, 0, 0, 4).build(), Reason.MALFORMED_ATTRIBUTE);
        // PRIORITY of 3 bytes, ICE-CONTROLLING of 4, USE-CANDIDATE with a value, LIFETIME of 8
        assertRejected(new RawMessage().attribute(0x0024, 3, 1, 2, 3).build(), Reason.MALFORMED_ATTRIBUTE);
        assertRejected(new RawMessage().attribute(0x802A, 4, 1, 2, 3, 4).build(), Reason.MALFORMED_ATTRIBUTE);
        assertRejected(new RawMessage().attribute(0x0025, 1, 1).build(), Reason.MALFORMED_ATTRIBUTE);
        assertRejected(new RawMessage().attribute(0x000D, 8, 0, 0, 0, 0, 0, 0, 0, 0).build(), Reason.MALFORMED_ATTRIBUTE);
        // UNKNOWN-ATTRIBUTES of odd length, USERNAME that is not UTF-8
        assertRejected(new RawMessage().attribute(0x000A, 3, 0, 1, 0).build(), Reason.MALFORMED_ATTRIBUTE);
        assertRejected(new RawMessage().attribute(0x0006, 2, 0xC3, 0x28).build(), Reason.MALFORMED_ATTRIBUTE);
        // PASSWORD-ALGORITHMS whose entry claims more parameters than there are
        assertRejected(new RawMessage().attribute(0x8002, 4, 0, 1, 0, 8).build(), Reason.MALFORMED_ATTRIBUTE);
        assertRejected(new RawMessage().attribute(0x001D, 8, 0, 2, 0, 0, 0, 0, 0, 0).build(),
                Reason.MALFORMED_ATTRIBUTE);
        // MESSAGE-INTEGRITY-SHA256 of 12 and of 18 bytes
        assertRejected(new RawMessage().attribute(0x001C, 12, new int[12]).build(), Reason.MALFORMED_ATTRIBUTE);
        assertRejected(new RawMessage().attribute(0x001C, 18, new int[18]).build(), Reason.MALFORMED_ATTRIBUTE);
    }

    @Test
    void oversizedTextIsRefused() {
        int[] value = new int[764];
        java.util.Arrays.fill(value, 'a');
        assertRejected(new RawMessage().attribute(0x8022, 764, value).build(), Reason.MALFORMED_ATTRIBUTE);
    }

    private static ByteBuf encoded(MessageProtection protection) {
        StunMessage m = StunMessage.builder(StunClass.REQUEST, StunMethod.BINDING, TransactionId.random())
                .add(new Software("osprey test"))
                .add(new Username("abcd:efgh"))
                .build();
        ByteBuf out = Unpooled.buffer();
        StunEncoder.encode(m, out, protection);
        return out;
    }

    static byte[] hmacSha1(IntegrityKey key, ByteBuf data) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.bytes(), "HmacSHA1"));
            mac.update(io.netty.buffer.ByteBufUtil.getBytes(data));
            return mac.doFinal();
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
