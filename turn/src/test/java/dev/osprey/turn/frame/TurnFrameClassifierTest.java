package dev.osprey.turn.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class TurnFrameClassifierTest {

    @Test
    void stunNeedsTheTwoLeadingZeroBitsAndAWholeHeader() {
        assertKind("0001000021124442" + "00".repeat(12), FrameKind.STUN);
        assertKind("3fff000021124442" + "00".repeat(12), FrameKind.STUN);
        assertKind("0001000021124442" + "00".repeat(11), FrameKind.INVALID);
    }

    @Test
    void channelDataNeedsARangeNumberAndTheClaimedLength() {
        assertKind("40000003aabbcc", FrameKind.CHANNEL_DATA);
        assertKind("4fff0000", FrameKind.CHANNEL_DATA);
        assertKind("7fff0000", FrameKind.CHANNEL_DATA); // RFC 5766's range, still used by clients
        assertKind("40000003aabbcc00", FrameKind.CHANNEL_DATA); // UDP padding is allowed
        assertKind("40000004aabbcc", FrameKind.INVALID); // shorter than claimed: discarded (RFC 8656 §12.5)
        assertKind("400000", FrameKind.INVALID);
    }

    @Test
    void everythingElseIsInvalid() {
        assertKind("", FrameKind.INVALID);
        assertKind("c0000000", FrameKind.INVALID);
        assertKind("ff000000", FrameKind.INVALID);
        assertKind("80000000", FrameKind.INVALID); // RTP
        assertKind("16fefd00", FrameKind.INVALID); // DTLS is 20–63 but shorter than a STUN header here
    }

    @Test
    void channelDataHelpersReadAndWriteTheHeader() {
        ByteBuf buf = Unpooled.buffer();
        try {
            ChannelData.writeHeader(buf, 0x4001, 5);
            buf.writeBytes(new byte[5]);
            ChannelData.writeStreamPadding(buf, 5);
            assertThat(buf.readableBytes()).isEqualTo(12);
            assertThat(ChannelData.channelNumber(buf)).isEqualTo(0x4001);
            assertThat(ChannelData.dataLength(buf)).isEqualTo(5);
            assertThat(ChannelData.streamFrameLength(0)).isEqualTo(4);
            assertThat(ChannelData.streamFrameLength(8)).isEqualTo(12);
            assertThat(ChannelData.isValidChannelNumber(0x3FFF)).isFalse();
            assertThat(ChannelData.isValidChannelNumber(0x4000)).isTrue();
            assertThat(ChannelData.isValidChannelNumber(0x4FFF)).isTrue();
            assertThat(ChannelData.isValidChannelNumber(0x7FFF)).isTrue();
            assertThat(ChannelData.isValidChannelNumber(0x8000)).isFalse();
        } finally {
            buf.release();
        }
    }

    private static void assertKind(String hex, FrameKind expected) {
        ByteBuf buf = Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex));
        try {
            assertThat(TurnFrameClassifier.classify(buf)).isEqualTo(expected);
            assertThat(buf.readerIndex()).isZero();
        } finally {
            buf.release();
        }
    }
}
