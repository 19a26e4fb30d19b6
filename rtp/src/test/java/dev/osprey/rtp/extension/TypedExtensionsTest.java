package dev.osprey.rtp.extension;

import dev.osprey.rtp.RtpPacket;
import dev.osprey.rtp.TestBuffers;
import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static dev.osprey.rtp.TestBuffers.hexOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypedExtensionsTest {
    private static final String FIXED = "9060 0001 00000002 00000003";
    private final TestBuffers bufs = new TestBuffers();
    private final RtpPacket packet = new RtpPacket();

    @AfterEach
    void release() {
        bufs.releaseAll();
    }

    private RtpPacket wrap(String extensionBlock) {
        return packet.wrap(bufs.hex(FIXED + extensionBlock));
    }

    @Test
    void readsSdesItems() {
        // one-byte: ID 1 mid "0", ID 2 rid "hi", ID 3 rid "f\0\0" (zero padded), ID 4 L=0 NUL only (empty)
        wrap("be de 00 03 | 10 30 21 68 | 69 32 66 00 | 00 40 00 00");
        assertThat(SdesItemExtension.read(packet, 1)).isEqualTo("0");
        assertThat(SdesItemExtension.read(packet, 2)).isEqualTo("hi");
        assertThat(SdesItemExtension.read(packet, 3)).isEqualTo("f");
        assertThat(SdesItemExtension.length(packet, 3)).isEqualTo(1);
        assertThat(SdesItemExtension.read(packet, 4)).isNull();
        assertThat(SdesItemExtension.read(packet, 5)).isNull();
        assertThat(SdesItemExtension.matches(packet, 2, "hi".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(SdesItemExtension.matches(packet, 2, "ho".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(SdesItemExtension.matches(packet, 2, "h".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(SdesItemExtension.matches(packet, 5, new byte[0])).isFalse();
    }

    @Test
    void readsAudioLevel() {
        // RFC 6464 §3: V=1 level 5 -> 0x85; in the two-byte form a zero-length value is absent.
        wrap("be de 00 01 | 10 85 00 00");
        int raw = AudioLevel.read(packet, 1);
        assertThat(raw).isEqualTo(0x85);
        assertThat(AudioLevel.voiceActivity(raw)).isTrue();
        assertThat(AudioLevel.levelDbov(raw)).isEqualTo(5);
        assertThat(AudioLevel.read(packet, 2)).isEqualTo(-1);
        wrap("10 00 00 01 | 01 00 00 00");
        assertThat(AudioLevel.read(packet, 1)).isEqualTo(-1);
        assertThat(AudioLevel.encode(127, false)).isEqualTo(0x7F);
        assertThat(AudioLevel.encode(0, true)).isEqualTo(0x80);
        assertThatThrownBy(() -> AudioLevel.encode(128, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsAndRewritesAbsSendTime() {
        wrap("be de 00 01 | 22 06 00 00");
        assertThat(AbsSendTime.read(packet, 2)).isEqualTo(0x060000);
        assertThat(AbsSendTime.toNanos(0x060000)).isEqualTo(1_500_000_000L);
        assertThat(AbsSendTime.write(packet, 2, 0xABCDEF)).isTrue();
        assertThat(hexOf(packet.buffer(), 17, 3)).isEqualTo("abcdef");
        assertThat(AbsSendTime.write(packet, 3, 1)).isFalse();
        wrap("be de 00 01 | 21 06 00 00"); // two bytes: wrong size
        assertThat(AbsSendTime.read(packet, 2)).isEqualTo(-1);
        assertThat(AbsSendTime.write(packet, 2, 1)).isFalse();
    }

    @Test
    void absSendTimeIsSixPointEighteenSecondsModulo64() {
        assertThat(AbsSendTime.fromNanos(1_500_000_000L)).isEqualTo(0x060000);
        assertThat(AbsSendTime.fromNanos(65_000_000_000L)).isEqualTo(AbsSendTime.fromNanos(1_000_000_000L));
        assertThat(AbsSendTime.fromNanos(63_999_999_999L)).isEqualTo(0xFFFFFF);
        assertThat(AbsSendTime.fromNanos(0)).isZero();
        assertThat(AbsSendTime.toNanos(1)).isEqualTo(3814L); // 2^-18 s, rounded down
    }

    @Test
    void readsAndRewritesTransportSequenceNumber() {
        wrap("be de 00 01 | 51 ff fe 00");
        assertThat(TransportSequenceNumber.read(packet, 5)).isEqualTo(0xFFFE);
        assertThat(TransportSequenceNumber.write(packet, 5, 0x10001)).isTrue();
        assertThat(TransportSequenceNumber.read(packet, 5)).isEqualTo(1);
        wrap("be de 00 01 | 50 01 00 00");
        assertThat(TransportSequenceNumber.read(packet, 5)).isEqualTo(-1);
        assertThat(TransportSequenceNumber.write(packet, 5, 1)).isFalse();
    }

    @Test
    void readsAbsoluteCaptureTimeWithAndWithoutOffset() {
        wrap("be de 00 03 | 37 e0 00 00 | 01 80 00 00 | 00 00 00 00");
        int v = AbsoluteCaptureTime.valueIndex(packet, 3);
        assertThat(AbsoluteCaptureTime.captureNtpTimestamp(packet, v)).isEqualTo(0xE000000180000000L);
        assertThat(AbsoluteCaptureTime.hasClockOffset(packet, v)).isFalse();
        wrap("be de 00 05 | 3f e0 00 00 | 01 80 00 00 | 00 ff ff ff | ff 80 00 00 | 00 00 00 00");
        v = AbsoluteCaptureTime.valueIndex(packet, 3);
        assertThat(AbsoluteCaptureTime.hasClockOffset(packet, v)).isTrue();
        assertThat(AbsoluteCaptureTime.estimatedCaptureClockOffset(packet, v)).isEqualTo(-0x80000000L);
        wrap("be de 00 01 | 31 00 00 00"); // two bytes: wrong size
        assertThat(AbsoluteCaptureTime.valueIndex(packet, 3)).isEqualTo(-1);
        assertThat(AbsoluteCaptureTime.valueIndex(packet, 4)).isEqualTo(-1);
    }

    @Test
    void readsPlayoutDelay() {
        // min 100 ms (10 units), max 1000 ms (100 units): 0x00A 0x064
        wrap("be de 00 01 | 62 00 a0 64");
        int raw = PlayoutDelay.read(packet, 6);
        assertThat(raw).isEqualTo(PlayoutDelay.encode(100, 1000));
        assertThat(PlayoutDelay.minDelayMillis(raw)).isEqualTo(100);
        assertThat(PlayoutDelay.maxDelayMillis(raw)).isEqualTo(1000);
        assertThat(PlayoutDelay.read(packet, 7)).isEqualTo(-1);
        assertThatThrownBy(() -> PlayoutDelay.encode(0, 41_000)).isInstanceOf(IllegalArgumentException.class);
        wrap("be de 00 01 | 61 00 a0 00");
        assertThat(PlayoutDelay.read(packet, 6)).isEqualTo(-1);
    }

    @Test
    void mapsExtmapUris() {
        for (HeaderExtensionType type : HeaderExtensionType.values()) {
            assertThat(HeaderExtensionType.fromUri(type.uri())).isSameAs(type);
        }
        assertThat(HeaderExtensionType.fromUri("urn:ietf:params:rtp-hdrext:sdes:mid")).isEqualTo(HeaderExtensionType.MID);
        assertThat(HeaderExtensionType.fromUri("urn:example:unknown")).isNull();
    }
}
