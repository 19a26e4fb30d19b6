package dev.osprey.stun;

import dev.osprey.stun.attribute.IceControlled;
import dev.osprey.stun.attribute.MessageIntegrity;
import dev.osprey.stun.attribute.Nonce;
import dev.osprey.stun.attribute.Priority;
import dev.osprey.stun.attribute.Realm;
import dev.osprey.stun.attribute.Software;
import dev.osprey.stun.attribute.Username;
import dev.osprey.stun.attribute.XorMappedAddress;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 5769: the published sample messages decode, verify, and (where padding allows) re-encode exactly. */
class Rfc5769VectorsTest {
    private static final IntegrityKey SHORT_TERM = IntegrityKey.shortTerm("VOkJxbRl1RmTxUk/WvJxBt");
    private static final TransactionId VECTOR_TID = TransactionId.fromBytes(new byte[]{
            (byte) 0xb7, (byte) 0xe7, (byte) 0xa7, 0x01, (byte) 0xbc, 0x34, (byte) 0xd6, (byte) 0x86,
            (byte) 0xfa, (byte) 0x87, (byte) 0xdf, (byte) 0xae});

    @Test
    void sampleRequestDecodesAndVerifies() {
        ByteBuf buf = Vectors.buffer("rfc5769/sample-request.hex");
        try {
            StunMessage m = StunDecoder.decode(buf);
            assertThat(m.messageClass()).isEqualTo(StunClass.REQUEST);
            assertThat(m.method()).isEqualTo(StunMethod.BINDING);
            assertThat(m.transactionId()).isEqualTo(VECTOR_TID);
            assertThat(m.attribute(Software.class)).contains(new Software("STUN test client"));
            assertThat(m.attribute(Priority.class)).contains(new Priority(0x6e0001ffL));
            assertThat(m.attribute(IceControlled.class)).contains(new IceControlled(0x932ff9b151263b36L));
            assertThat(m.attribute(Username.class)).contains(new Username("evtj:h6vY"));
            assertThat(m.unknownComprehensionRequired()).isEmpty();
            assertThat(StunIntegrity.verify(buf, SHORT_TERM)).isEqualTo(StunIntegrity.Result.VALID);
            assertThat(StunIntegrity.verify(buf, IntegrityKey.shortTerm("VOkJxbRl1RmTxUk/WvJxBT")))
                    .isEqualTo(StunIntegrity.Result.INVALID);
            assertThat(StunIntegrity.verifyFingerprint(buf)).isEqualTo(StunIntegrity.Result.VALID);
        } finally {
            buf.release();
        }
    }

    @Test
    void ipv4ResponseCarriesTheMappedAddress() throws Exception {
        assertResponse("rfc5769/sample-ipv4-response.hex", InetAddress.getByName("192.0.2.1"));
    }

    @Test
    void ipv6ResponseCarriesTheMappedAddress() throws Exception {
        assertResponse("rfc5769/sample-ipv6-response.hex",
                InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"));
    }

    private static void assertResponse(String resource, InetAddress expected) {
        ByteBuf heap = Vectors.buffer(resource);
        ByteBuf direct = Vectors.directBuffer(Vectors.bytes(resource));
        try {
            for (ByteBuf buf : new ByteBuf[]{heap, direct}) {
                StunMessage m = StunDecoder.decode(buf);
                assertThat(m.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
                assertThat(m.method()).isEqualTo(StunMethod.BINDING);
                assertThat(m.attribute(Software.class)).contains(new Software("test vector"));
                assertThat(m.attribute(XorMappedAddress.class))
                        .contains(new XorMappedAddress(new InetSocketAddress(expected, 32853)));
                assertThat(StunIntegrity.verify(buf, SHORT_TERM)).isEqualTo(StunIntegrity.Result.VALID);
                assertThat(StunIntegrity.verifyFingerprint(buf)).isEqualTo(StunIntegrity.Result.VALID);
            }
        } finally {
            heap.release();
            direct.release();
        }
    }

    @Test
    void longTermRequestVerifiesWithTheMd5Key() {
        ByteBuf buf = Vectors.buffer("rfc5769/sample-long-term-request.hex");
        try {
            StunMessage m = StunDecoder.decode(buf);
            String username = m.attribute(Username.class).orElseThrow().value();
            assertThat(username).isEqualTo("\u30DE\u30C8\u30EA\u30C3\u30AF\u30B9");
            assertThat(m.attribute(Nonce.class)).contains(new Nonce("f//499k954d6OL34oL9FSTvy64sA"));
            assertThat(m.attribute(Realm.class)).contains(new Realm("example.org"));
            IntegrityKey key = IntegrityKey.longTerm(username, "example.org", "TheMatrIX", StunPasswordAlgorithm.MD5);
            assertThat(StunIntegrity.verify(buf, key)).isEqualTo(StunIntegrity.Result.VALID);
            assertThat(StunIntegrity.verify(buf, SHORT_TERM)).isEqualTo(StunIntegrity.Result.INVALID);
            assertThat(StunIntegrity.verifyFingerprint(buf)).isEqualTo(StunIntegrity.Result.ABSENT);
        } finally {
            buf.release();
        }
    }

    /** §2.4 pads with zeros, so building the same message from typed values must give the same bytes. */
    @Test
    void longTermRequestReencodesByteForByte() {
        byte[] vector = Vectors.bytes("rfc5769/sample-long-term-request.hex");
        String username = "\u30DE\u30C8\u30EA\u30C3\u30AF\u30B9";
        StunMessage m = StunMessage.builder(StunClass.REQUEST, StunMethod.BINDING,
                        TransactionId.fromBytes(java.util.Arrays.copyOfRange(vector, 8, 20)))
                .add(new Username(username))
                .add(new Nonce("f//499k954d6OL34oL9FSTvy64sA"))
                .add(new Realm("example.org"))
                .build();
        IntegrityKey key = IntegrityKey.longTerm(username, "example.org", "TheMatrIX", StunPasswordAlgorithm.MD5);
        ByteBuf out = Unpooled.buffer();
        try {
            StunEncoder.encode(m, out, MessageProtection.integrity(key));
            assertThat(ByteBufUtil.getBytes(out)).isEqualTo(vector);
        } finally {
            out.release();
        }
    }

    /** A decoded vector re-encodes to the same bytes except for padding, which this encoder zeroes. */
    @Test
    void decodedRequestReencodesWithZeroPadding() {
        byte[] vector = Vectors.bytes("rfc5769/sample-request.hex");
        ByteBuf in = Unpooled.wrappedBuffer(vector);
        ByteBuf out = Unpooled.buffer();
        try {
            StunMessage m = StunDecoder.decode(in);
            assertThat(m.attribute(MessageIntegrity.class)).isPresent();
            StunEncoder.encode(m, out);
            byte[] expected = vector.clone();
            // USERNAME's value starts after header (20), SOFTWARE (20), PRIORITY (8), ICE-CONTROLLED (12) and its
            // own TLV header (4), at 64; its 9 bytes are followed by three 0x20 padding bytes.
            for (int i = 73; i < 76; i++) {
                assertThat(expected[i]).isEqualTo((byte) 0x20);
                expected[i] = 0;
            }
            assertThat(ByteBufUtil.getBytes(out)).isEqualTo(expected);
        } finally {
            in.release();
            out.release();
        }
    }
}
