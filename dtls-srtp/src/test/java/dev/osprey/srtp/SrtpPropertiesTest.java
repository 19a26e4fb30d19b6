package dev.osprey.srtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Round trips of SRTP and SRTCP for every profile and GCM engine, and ROC rollover across sequence wraps. */
class SrtpPropertiesTest {

    private static final SrtpMetrics METRICS = SrtpMetrics.standalone();

    @Property(tries = 100)
    void rtpRoundTripRestoresThePacket(@ForAll SrtpProfile profile, @ForAll SrtpPolicy.AeadEngine engine,
                                       @ForAll @Size(min = 16, max = 16) byte[] keySeed,
                                       @ForAll @IntRange(max = 15) int csrcs, @ForAll boolean extension,
                                       @ForAll @IntRange(max = 1300) int payloadLength,
                                       @ForAll @IntRange(max = 0xFFFF) int seq, @ForAll int ssrc) {
        SrtpMasterKey key = key(profile, keySeed);
        SrtpPolicy policy = SrtpPolicy.DEFAULT.withAeadEngine(engine);
        byte[] plain = rtp(csrcs, extension, payloadLength, seq, ssrc);
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(plain.length + 16);
        try {
            buf.writeBytes(plain);
            assertThat(new SrtpSession(key, policy, METRICS).protectRtp(buf)).isEqualTo(SrtpStatus.OK);
            assertThat(buf.readableBytes()).isEqualTo(plain.length + profile.rtpTagLength());
            if (payloadLength >= 16) {
                assertThat(HexVectors.readable(buf)).as("payload is encrypted").isNotEqualTo(
                        Arrays.copyOf(plain, buf.readableBytes()));
            }
            assertThat(new SrtpSession(key, policy, METRICS).unprotectRtp(buf)).isEqualTo(SrtpStatus.OK);
            assertThat(HexVectors.readable(buf)).isEqualTo(plain);
        } finally {
            buf.release();
        }
    }

    @Property(tries = 60)
    void rtcpRoundTripRestoresThePacket(@ForAll SrtpProfile profile, @ForAll SrtpPolicy.AeadEngine engine,
                                        @ForAll @Size(min = 16, max = 16) byte[] keySeed,
                                        @ForAll @Size(min = 8, max = 600) byte[] body) {
        SrtpMasterKey key = key(profile, keySeed);
        SrtpPolicy policy = SrtpPolicy.DEFAULT.withAeadEngine(engine);
        byte[] plain = body.clone();
        plain[0] = (byte) (0x80 | plain[0] & 0x3F);
        SrtpSession sender = new SrtpSession(key, policy, METRICS);
        SrtpSession receiver = new SrtpSession(key, policy.withReplayProtection(true), METRICS);
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(plain.length + 20);
        try {
            for (int i = 0; i < 3; i++) { // successive SRTCP indices
                buf.clear().writeBytes(plain);
                assertThat(sender.protectRtcp(buf)).isEqualTo(SrtpStatus.OK);
                assertThat(buf.readableBytes()).isEqualTo(plain.length + profile.rtcpOverhead());
                assertThat(receiver.unprotectRtcp(buf)).isEqualTo(SrtpStatus.OK);
                assertThat(HexVectors.readable(buf)).isEqualTo(plain);
            }
        } finally {
            buf.release();
        }
    }

    /**
     * A stream crossing sequence number wraps, with packets swapped pairwise on the way: the receiver's rollover
     * counter follows the sender's (RFC 3711 §3.3.1) and every packet authenticates with the right index.
     */
    @Property(tries = 12)
    void rolloverCounterFollowsTheSenderAcrossWraps(@ForAll("profiles") SrtpProfile profile,
                                                   @ForAll @IntRange(min = 0xFF00, max = 0xFFFF) int firstSeq,
                                                   @ForAll @IntRange(min = 150, max = 35_000) int pairs,
                                                   @ForAll boolean reorder) {
        SrtpMasterKey key = key(profile, new byte[16]);
        SrtpSession sender = new SrtpSession(key, SrtpPolicy.DEFAULT, METRICS);
        SrtpSession receiver = new SrtpSession(key, SrtpPolicy.DEFAULT, METRICS);
        int ssrc = 0x1234_5678;
        ByteBuf first = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        ByteBuf second = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        try {
            for (int i = 0; i < 2 * pairs; i += 2) {
                first.clear().writeBytes(rtp(0, false, 8, (firstSeq + i) & 0xFFFF, ssrc));
                second.clear().writeBytes(rtp(0, false, 8, (firstSeq + i + 1) & 0xFFFF, ssrc));
                assertThat(sender.protectRtp(first)).isEqualTo(SrtpStatus.OK);
                assertThat(sender.protectRtp(second)).isEqualTo(SrtpStatus.OK);
                // The stream's very first packet must arrive first: a receiver without state takes ROC 0
                // (RFC 3711 §3.3.1), so a first packet from after a wrap could never authenticate.
                boolean swap = reorder && i > 0;
                ByteBuf a = swap ? second : first;
                ByteBuf b = swap ? first : second;
                assertThat(receiver.unprotectRtp(a)).as("packet %d", i).isEqualTo(SrtpStatus.OK);
                assertThat(receiver.unprotectRtp(b)).as("packet %d", i + 1).isEqualTo(SrtpStatus.OK);
            }
        } finally {
            first.release();
            second.release();
        }
        long last = firstSeq + 2L * pairs - 1;
        assertThat(receiver.highestIndex(ssrc)).isEqualTo(last);
        assertThat(sender.highestIndex(ssrc)).isEqualTo(last);
    }

    @Provide
    Arbitrary<SrtpProfile> profiles() {
        return Arbitraries.of(SrtpProfile.AES128_CM_HMAC_SHA1_80, SrtpProfile.AEAD_AES_128_GCM);
    }

    static SrtpMasterKey key(SrtpProfile profile, byte[] seed) {
        byte[] key = Arrays.copyOf(seed, profile.masterKeyLength());
        byte[] salt = new byte[profile.masterSaltLength()];
        for (int i = 0; i < salt.length; i++) {
            salt[i] = (byte) (seed[i % seed.length] * 31 + i);
        }
        return new SrtpMasterKey(profile, key, salt);
    }

    /** An RTP packet with the given shape; payload bytes are a counter pattern. */
    static byte[] rtp(int csrcs, boolean extension, int payloadLength, int seq, int ssrc) {
        int extensionWords = extension ? 2 : 0;
        int header = 12 + 4 * csrcs + (extension ? 4 + 4 * extensionWords : 0);
        byte[] p = new byte[header + payloadLength];
        p[0] = (byte) (0x80 | (extension ? 0x10 : 0) | csrcs);
        p[1] = 96;
        p[2] = (byte) (seq >>> 8);
        p[3] = (byte) seq;
        p[8] = (byte) (ssrc >>> 24);
        p[9] = (byte) (ssrc >>> 16);
        p[10] = (byte) (ssrc >>> 8);
        p[11] = (byte) ssrc;
        if (extension) {
            int e = 12 + 4 * csrcs;
            p[e] = (byte) 0xBE;
            p[e + 1] = (byte) 0xDE;
            p[e + 3] = (byte) extensionWords;
        }
        for (int i = header; i < p.length; i++) {
            p[i] = (byte) i;
        }
        return p;
    }
}
