package dev.osprey.srtp;

import dev.osprey.srtp.SrtpMetrics.Operation;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Every way a packet can be wrong ends in a counted status, never an exception, and leaves no state behind. */
class SrtpMalformedInputTest {

    private final SrtpMetrics metrics = SrtpMetrics.standalone();
    private final SrtpMasterKey key = SrtpPropertiesTest.key(SrtpProfile.AES128_CM_HMAC_SHA1_80, new byte[16]);

    @Test
    void truncatedAndWrongVersionPacketsAreRejected() {
        SrtpSession s = new SrtpSession(key, SrtpPolicy.DEFAULT, metrics);
        assertThat(apply(new byte[11], 32, s::protectRtp)).isEqualTo(SrtpStatus.TRUNCATED);
        assertThat(apply(new byte[21], 0, s::unprotectRtp)).isEqualTo(SrtpStatus.TRUNCATED);
        assertThat(apply(new byte[40], 32, s::protectRtp)).isEqualTo(SrtpStatus.MALFORMED); // version 0
        assertThat(apply(new byte[7], 32, s::protectRtcp)).isEqualTo(SrtpStatus.TRUNCATED);
        assertThat(apply(new byte[21], 0, s::unprotectRtcp)).isEqualTo(SrtpStatus.TRUNCATED);
        assertThat(metrics.dropped(Operation.PROTECT_RTP, SrtpStatus.TRUNCATED)).isEqualTo(1);
        assertThat(s.streamCount()).isZero();
    }

    @Test
    void headersLongerThanThePacketAreRejected() {
        SrtpSession s = new SrtpSession(key, SrtpPolicy.DEFAULT, metrics);
        byte[] csrcBeyond = SrtpPropertiesTest.rtp(0, false, 8, 1, 1);
        csrcBeyond[0] = (byte) 0x8F; // 15 CSRCs = 72 header bytes in a 20-byte packet
        assertThat(apply(csrcBeyond, 32, s::protectRtp)).isEqualTo(SrtpStatus.MALFORMED);
        byte[] extensionBeyond = SrtpPropertiesTest.rtp(0, true, 0, 1, 1);
        extensionBeyond[15] = (byte) 200; // 800 bytes of extension
        assertThat(apply(extensionBeyond, 32, s::protectRtp)).isEqualTo(SrtpStatus.MALFORMED);
        byte[] extensionHeaderCut = java.util.Arrays.copyOf(SrtpPropertiesTest.rtp(0, true, 0, 1, 1), 14);
        assertThat(apply(extensionHeaderCut, 32, s::protectRtp)).isEqualTo(SrtpStatus.MALFORMED);
        byte[] longerCsrcBeyond = SrtpPropertiesTest.rtp(0, false, 30, 1, 1);
        longerCsrcBeyond[0] = (byte) 0x8F; // 72 header bytes, 42-byte packet: long enough for a tag, not a header
        assertThat(apply(longerCsrcBeyond, 0, s::unprotectRtp)).isEqualTo(SrtpStatus.MALFORMED);
    }

    @Test
    void protectNeedsTailRoomAndDoesNotGrowTheBuffer() {
        SrtpSession s = new SrtpSession(key, SrtpPolicy.DEFAULT, metrics);
        assertThat(apply(SrtpPropertiesTest.rtp(0, false, 100, 1, 1), 9, s::protectRtp))
                .isEqualTo(SrtpStatus.NO_TAIL_ROOM);
        assertThat(apply(SrtpPropertiesTest.rtp(0, false, 100, 1, 1), 13, s::protectRtcp))
                .isEqualTo(SrtpStatus.NO_TAIL_ROOM);
    }

    @ParameterizedTest
    @EnumSource(value = SrtpProfile.class)
    void everyFlippedBitFailsAuthentication(SrtpProfile profile) {
        SrtpMasterKey k = SrtpPropertiesTest.key(profile, new byte[16]);
        byte[] plain = SrtpPropertiesTest.rtp(1, true, 40, 7, 99);
        ByteBuf buf = Unpooled.directBuffer(plain.length + 16);
        buf.writeBytes(plain);
        new SrtpSession(k, SrtpPolicy.DEFAULT, metrics).protectRtp(buf);
        byte[] protectedPacket = HexVectors.readable(buf);
        buf.release();
        SrtpSession receiver = new SrtpSession(k, SrtpPolicy.DEFAULT, metrics);
        for (int i = 1; i < protectedPacket.length; i++) { // byte 0 would make a different header shape
            byte[] tampered = protectedPacket.clone();
            tampered[i] ^= 0x04;
            assertThat(apply(tampered, 0, receiver::unprotectRtp)).as("byte %d", i).isIn(SrtpStatus.AUTH_FAILED,
                    SrtpStatus.MALFORMED);
        }
        assertThat(receiver.streamCount()).isZero();
        assertThat(apply(protectedPacket, 0, receiver::unprotectRtp)).isEqualTo(SrtpStatus.OK);
    }

    @Test
    void aDifferentKeyFailsAuthentication() {
        byte[] plain = SrtpPropertiesTest.rtp(0, false, 40, 7, 99);
        ByteBuf buf = Unpooled.directBuffer(plain.length + 10).writeBytes(plain);
        try {
            new SrtpSession(key, SrtpPolicy.DEFAULT, metrics).protectRtp(buf);
            SrtpMasterKey other = SrtpPropertiesTest.key(SrtpProfile.AES128_CM_HMAC_SHA1_80, new byte[] {
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
            assertThat(new SrtpSession(other, SrtpPolicy.DEFAULT, metrics).unprotectRtp(buf))
                    .isEqualTo(SrtpStatus.AUTH_FAILED);
        } finally {
            buf.release();
        }
    }

    @Test
    void streamsBeyondTheCapAreDropped() {
        SrtpPolicy two = new SrtpPolicy(false, 2, SrtpPolicy.AeadEngine.JDK);
        SrtpSession sender = new SrtpSession(key, new SrtpPolicy(false, 10, SrtpPolicy.AeadEngine.JDK), metrics);
        SrtpSession receiver = new SrtpSession(key, two, metrics);
        for (int ssrc = 1; ssrc <= 3; ssrc++) {
            byte[] plain = SrtpPropertiesTest.rtp(0, false, 20, 1, ssrc);
            ByteBuf buf = Unpooled.directBuffer(plain.length + 10).writeBytes(plain);
            try {
                assertThat(sender.protectRtp(buf)).isEqualTo(SrtpStatus.OK);
                assertThat(receiver.unprotectRtp(buf)).isEqualTo(ssrc <= 2 ? SrtpStatus.OK
                        : SrtpStatus.TOO_MANY_STREAMS);
            } finally {
                buf.release();
            }
        }
        assertThat(metrics.dropped(Operation.UNPROTECT_RTP, SrtpStatus.TOO_MANY_STREAMS)).isEqualTo(1);
        receiver.removeStream(1);
        assertThat(receiver.streamCount()).isEqualTo(1);
    }

    @Test
    void replayProtectionIsOffByDefaultAndDropsDuplicatesWhenOn() {
        byte[] plain = SrtpPropertiesTest.rtp(0, false, 20, 500, 7);
        ByteBuf buf = Unpooled.directBuffer(plain.length + 10).writeBytes(plain);
        new SrtpSession(key, SrtpPolicy.DEFAULT, metrics).protectRtp(buf);
        byte[] packet = HexVectors.readable(buf);
        buf.release();
        SrtpSession lenient = new SrtpSession(key, SrtpPolicy.DEFAULT, metrics);
        SrtpSession strict = new SrtpSession(key, SrtpPolicy.DEFAULT.withReplayProtection(true), metrics);
        assertThat(apply(packet, 0, lenient::unprotectRtp)).isEqualTo(SrtpStatus.OK);
        assertThat(apply(packet, 0, lenient::unprotectRtp)).isEqualTo(SrtpStatus.OK);
        assertThat(apply(packet, 0, strict::unprotectRtp)).isEqualTo(SrtpStatus.OK);
        assertThat(apply(packet, 0, strict::unprotectRtp)).isEqualTo(SrtpStatus.REPLAYED);
        assertThat(metrics.dropped(Operation.UNPROTECT_RTP, SrtpStatus.REPLAYED)).isEqualTo(1);
    }

    @Test
    void replayWindowAcceptsLateButUnseenPacketsAndRejectsTooOldOnes() {
        SrtpStream stream = new SrtpStream();
        stream.acceptRtp(1000);
        stream.acceptRtp(1002);
        assertThat(stream.isReplayedRtp(1001)).isFalse();
        assertThat(stream.isReplayedRtp(1002)).isTrue();
        assertThat(stream.isReplayedRtp(1002 - SrtpStream.REPLAY_WINDOW)).isTrue();
        stream.acceptRtp(1001);
        assertThat(stream.isReplayedRtp(1001)).isTrue();
        assertThat(stream.isReplayedRtp(1003)).isFalse();
    }

    private static SrtpStatus apply(byte[] bytes, int tailRoom, Function<ByteBuf, SrtpStatus> op) {
        ByteBuf buf = Unpooled.directBuffer(bytes.length + tailRoom, bytes.length + tailRoom).writeBytes(bytes);
        try {
            return op.apply(buf);
        } finally {
            buf.release();
        }
    }
}
