package dev.osprey.stun;

import dev.osprey.stun.attribute.MessageIntegrity;
import dev.osprey.stun.attribute.Software;
import dev.osprey.stun.attribute.Username;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HMACs this module computes agree with the JDK's independent {@code javax.crypto.Mac}, for short and long
 * keys, both algorithms, truncation, and the attribute-ordering rules of RFC 8489 §14.5–§14.7.
 */
class StunIntegrityTest {

    private static StunMessage request(String username) {
        return StunMessage.builder(StunClass.REQUEST, StunMethod.BINDING, TransactionId.random())
                .add(new Username(username)).add(new Software("integrity test")).build();
    }

    private static byte[] jdkMac(String algorithm, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** Our encoder's MAC equals the JDK's over the RFC's input: the prefix with the length patched. */
    @Property(tries = 100)
    void encoderMacMatchesJdk(@ForAll @Size(min = 1, max = 150) byte[] key, @ForAll boolean sha256) {
        IntegrityKey k = IntegrityKey.ofBytes(key);
        ByteBuf out = Unpooled.buffer();
        try {
            StunMessage m = request("user:name");
            StunEncoder.encode(m, out, sha256 ? MessageProtection.integritySha256(k) : MessageProtection.integrity(k));
            int macLength = sha256 ? 32 : 20;
            byte[] all = ByteBufUtil.getBytes(out);
            byte[] prefix = Arrays.copyOf(all, all.length - 4 - macLength);
            byte[] expected = jdkMac(sha256 ? "HmacSHA256" : "HmacSHA1", key, prefix);
            assertThat(Arrays.copyOfRange(all, all.length - macLength, all.length)).isEqualTo(expected);
            assertThat(StunIntegrity.verify(out, k)).isEqualTo(StunIntegrity.Result.VALID);
        } finally {
            out.release();
        }
    }

    @Property(tries = 50)
    void longTermKeysAreTheRfcDigests(@ForAll @StringLength(min = 1, max = 20) String user,
                                      @ForAll("ascii") String realm, @ForAll("ascii") String password)
            throws Exception {
        byte[] input = (user + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8);
        assertThat(IntegrityKey.longTerm(user, realm, password, StunPasswordAlgorithm.MD5).bytes())
                .isEqualTo(MessageDigest.getInstance("MD5").digest(input));
        assertThat(IntegrityKey.longTerm(user, realm, password, StunPasswordAlgorithm.SHA_256).bytes())
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(input));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> ascii() {
        return net.jqwik.api.Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(30);
    }

    @Test
    void truncatedSha256IsAccepted() {
        IntegrityKey key = IntegrityKey.shortTerm("truncation");
        ByteBuf out = Unpooled.buffer();
        try {
            StunEncoder.encode(request("a:b"), out);
            int prefix = out.writerIndex();
            out.setShort(2, prefix - 20 + 4 + 16);
            byte[] mac = jdkMac("HmacSHA256", key.bytes(), ByteBufUtil.getBytes(out));
            out.writeShort(0x001C).writeShort(16).writeBytes(mac, 0, 16);
            assertThat(StunIntegrity.verify(out, key)).isEqualTo(StunIntegrity.Result.VALID);
            out.setByte(out.writerIndex() - 1, out.getByte(out.writerIndex() - 1) ^ 1);
            assertThat(StunIntegrity.verify(out, key)).isEqualTo(StunIntegrity.Result.INVALID);
        } finally {
            out.release();
        }
    }

    /**
     * With both attributes, the SHA-256 one decides (§9.1.3): a SHA-1 MAC made with another key does not matter
     * as long as the SHA-256 MAC (which covers it) is right, and a right SHA-1 MAC cannot rescue a wrong SHA-256.
     */
    @Test
    void sha256WinsOverSha1() {
        IntegrityKey key = IntegrityKey.shortTerm("both-algorithms");
        IntegrityKey other = IntegrityKey.shortTerm("another-key");
        assertThat(verifyBoth(other, key, key)).isEqualTo(StunIntegrity.Result.VALID);
        assertThat(verifyBoth(key, other, key)).isEqualTo(StunIntegrity.Result.INVALID);
    }

    private static StunIntegrity.Result verifyBoth(IntegrityKey sha1Key, IntegrityKey sha256Key, IntegrityKey check) {
        ByteBuf out = Unpooled.buffer();
        try {
            StunEncoder.encode(request("a:b"), out, MessageProtection.integrity(sha1Key));
            out.setShort(2, out.writerIndex() - 20 + 36);
            byte[] mac = jdkMac("HmacSHA256", sha256Key.bytes(), ByteBufUtil.getBytes(out));
            out.writeShort(0x001C).writeShort(32).writeBytes(mac);
            return StunIntegrity.verify(out, check);
        } finally {
            out.release();
        }
    }

    /** Attributes after MESSAGE-INTEGRITY other than the SHA-256 one and FINGERPRINT are ignored (§14.5). */
    @Test
    void attributesAfterIntegrityAreIgnored() {
        IntegrityKey key = IntegrityKey.shortTerm("ignored-after");
        ByteBuf out = Unpooled.buffer();
        try {
            StunEncoder.encode(request("a:b"), out, MessageProtection.integrity(key));
            out.writeShort(0x8022).writeShort(4).writeInt(0x41424344); // SOFTWARE "ABCD" after MI
            out.setShort(2, out.writerIndex() - 20);
            assertThat(StunIntegrity.verify(out, key)).isEqualTo(StunIntegrity.Result.VALID);
            StunMessage decoded = StunDecoder.decode(out);
            assertThat(decoded.attributes()).hasSize(3);
            assertThat(decoded.attributes().get(2)).isInstanceOf(MessageIntegrity.class);
            assertThat(AttributeScanner.find(out, 0x8022)).isEqualTo(20 + 8 + 4); // the one before MI, after USERNAME
        } finally {
            out.release();
        }
    }

    @Test
    void verifyWorksAtANonZeroReaderIndexAndLeavesIndexesAlone() {
        IntegrityKey key = IntegrityKey.shortTerm("offsets");
        ByteBuf out = Unpooled.directBuffer();
        try {
            out.writeBytes(new byte[]{1, 2, 3});
            out.readerIndex(3);
            StunEncoder.encode(request("x:y"), out, MessageProtection.integrity(key).withFingerprint());
            assertThat(StunIntegrity.verify(out, key)).isEqualTo(StunIntegrity.Result.VALID);
            assertThat(StunIntegrity.verifyFingerprint(out)).isEqualTo(StunIntegrity.Result.VALID);
            assertThat(StunDecoder.decode(out).attribute(Username.class)).contains(new Username("x:y"));
            assertThat(out.readerIndex()).isEqualTo(3);
        } finally {
            out.release();
        }
    }

    @Test
    void malformedOrForeignBytesAreInvalidNotExceptions() {
        ByteBuf junk = Unpooled.wrappedBuffer(new byte[]{(byte) 0x80, 0, 0, 0});
        ByteBuf truncated = new RawMessage().attribute(0x0008, 20, new int[20]).build();
        truncated.writerIndex(truncated.writerIndex() - 4);
        try {
            IntegrityKey key = IntegrityKey.shortTerm("k");
            assertThat(StunIntegrity.verify(junk, key)).isEqualTo(StunIntegrity.Result.INVALID);
            assertThat(StunIntegrity.verifyFingerprint(junk)).isEqualTo(StunIntegrity.Result.INVALID);
            assertThat(StunIntegrity.verify(truncated, key)).isEqualTo(StunIntegrity.Result.INVALID);
        } finally {
            junk.release();
            truncated.release();
        }
    }

    @Test
    void keysCompareByValueAndHideTheirBytes() {
        assertThat(IntegrityKey.shortTerm("abc")).isEqualTo(IntegrityKey.ofBytes("abc".getBytes(StandardCharsets.UTF_8)));
        assertThat(IntegrityKey.shortTerm("abc").toString()).doesNotContain("abc");
    }
}
