package dev.osprey.rtp;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PacketClassifierTest {
    private final TestBuffers bufs = new TestBuffers();

    @AfterEach
    void release() {
        bufs.releaseAll();
    }

    /** Every boundary of the RFC 7983 §7 ranges, plus the RFC 5761 §4 RTP/RTCP split. */
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "00, 01, STUN", "03, 00, STUN",
        "04, 00, UNKNOWN", "0f, 00, UNKNOWN",
        "10, 00, ZRTP", "13, 00, ZRTP",
        "14, fe, DTLS", "16, fe, DTLS", "3f, 00, DTLS",
        "40, 00, TURN_CHANNEL", "4f, ff, TURN_CHANNEL",
        "50, 00, UNKNOWN", "7f, 00, UNKNOWN",
        "80, 60, RTP", "80, e0, RTP", "80, 00, RTP", "80, 3f, RTP", "80, 60, RTP", "bf, 7f, RTP",
        "80, 40, RTCP", "80, c0, RTCP", "80, c8, RTCP", "81, c9, RTCP", "80, cd, RTCP", "8f, ce, RTCP", "80, cf, RTCP",
        "80, df, RTCP", "80, 5f, RTCP",
        "c0, c8, UNKNOWN", "ff, 00, UNKNOWN",
    })
    void classifiesByFirstTwoBytes(String first, String second, PacketKind expected) {
        ByteBuf buf = bufs.hex(first + second + "0000");
        assertThat(PacketClassifier.classify(buf)).isEqualTo(expected);
    }

    @Test
    void emptyAndOneByteRtpAreUnknown() {
        ByteBuf buf = bufs.hex("80");
        assertThat(PacketClassifier.classify(buf)).isEqualTo(PacketKind.UNKNOWN);
        assertThat(PacketClassifier.classify(buf, 0, 0)).isEqualTo(PacketKind.UNKNOWN);
        ByteBuf stun = bufs.hex("00");
        assertThat(PacketClassifier.classify(stun)).isEqualTo(PacketKind.STUN);
    }

    @Test
    void classifiesAtAnOffset() {
        ByteBuf buf = bufs.hex("00 00 80 c9");
        assertThat(PacketClassifier.classify(buf, 2, 2)).isEqualTo(PacketKind.RTCP);
        buf.readerIndex(2);
        assertThat(PacketClassifier.classify(buf)).isEqualTo(PacketKind.RTCP);
    }
}
