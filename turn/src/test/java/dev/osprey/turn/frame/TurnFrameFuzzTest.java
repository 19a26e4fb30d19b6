package dev.osprey.turn.frame;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;

import static org.assertj.core.api.Assertions.assertThat;

/** Jazzer targets for the frame classifier and the stream framer: no exception but ours, no leak, no overread. */
class TurnFrameFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void classifierAgreesWithTheHeader(byte[] data) {
        ByteBuf buf = Unpooled.wrappedBuffer(data);
        try {
            FrameKind kind = TurnFrameClassifier.classify(buf);
            if (kind == FrameKind.CHANNEL_DATA) {
                assertThat(ChannelData.HEADER_BYTES + ChannelData.dataLength(buf)).isLessThanOrEqualTo(data.length);
                assertThat(ChannelData.isValidChannelNumber(ChannelData.channelNumber(buf))).isTrue();
            } else if (kind == FrameKind.STUN) {
                assertThat(data.length).isGreaterThanOrEqualTo(20);
                assertThat(data[0] & 0xC0).isZero();
            }
        } finally {
            buf.release();
        }
    }

    @FuzzTest(maxDuration = "60s")
    void streamDecoderFramesOrFailsCleanly(FuzzedDataProvider input) {
        EmbeddedChannel channel = new EmbeddedChannel(new TurnStreamFrameDecoder());
        try {
            while (input.remainingBytes() > 0) {
                byte[] chunk = input.consumeBytes(input.consumeInt(1, 200));
                channel.writeInbound(Unpooled.wrappedBuffer(chunk));
                drain(channel);
            }
        } catch (DecoderException e) {
            assertThat(e.getCause()).isInstanceOf(MalformedTurnFrameException.class);
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    private static void drain(EmbeddedChannel channel) {
        for (ByteBuf frame; (frame = channel.readInbound()) != null; ) {
            try {
                assertThat(TurnFrameClassifier.classify(frame)).isNotEqualTo(FrameKind.INVALID);
            } finally {
                frame.release();
            }
        }
    }
}
