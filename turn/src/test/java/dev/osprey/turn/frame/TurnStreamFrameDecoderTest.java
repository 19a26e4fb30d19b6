package dev.osprey.turn.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TurnStreamFrameDecoderTest {
    private static final String STUN = "0001000421124442" + "0102030405060708090a0b0c" + "80220000";
    private static final String CHANNEL_DATA = "40010003aabbcc00";

    @Test
    void splitsStunAndPaddedChannelDataAndDropsThePadding() {
        List<String> frames = decode(List.of(STUN + CHANNEL_DATA + "40020000"));
        assertThat(frames).containsExactly(STUN, "40010003aabbcc", "40020000");
    }

    @Test
    void reassemblesFramesSplitAcrossReadsAtEveryByte() {
        String stream = CHANNEL_DATA + STUN;
        for (int cut = 1; cut < stream.length() / 2; cut++) {
            List<String> frames = decode(List.of(stream.substring(0, cut * 2), stream.substring(cut * 2)));
            assertThat(frames).as("cut at %d", cut).containsExactly("40010003aabbcc", STUN);
        }
    }

    @Test
    void waitsForPaddingBeforeEmittingChannelData() {
        EmbeddedChannel channel = new EmbeddedChannel(new TurnStreamFrameDecoder());
        channel.writeInbound(buf("40010003aabbcc"));
        assertThat((Object) channel.readInbound()).isNull();
        channel.writeInbound(buf("00"));
        ByteBuf frame = channel.readInbound();
        assertThat(ByteBufUtil.hexDump(frame)).isEqualTo("40010003aabbcc");
        frame.release();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void garbageFirstByteEndsTheStream() {
        EmbeddedChannel channel = new EmbeddedChannel(new TurnStreamFrameDecoder());
        assertThatThrownBy(() -> channel.writeInbound(buf("8000000000000000")))
                .isInstanceOf(DecoderException.class)
                .hasCauseInstanceOf(MalformedTurnFrameException.class);
        channel.finishAndReleaseAll();
    }

    @Test
    void stunLengthNotAMultipleOfFourEndsTheStream() {
        EmbeddedChannel channel = new EmbeddedChannel(new TurnStreamFrameDecoder());
        assertThatThrownBy(() -> channel.writeInbound(buf("0001000321124442")))
                .hasCauseInstanceOf(MalformedTurnFrameException.class);
        channel.finishAndReleaseAll();
    }

    @Test
    void maximumChannelDataLengthIsFramed() {
        String header = "4fffffff";
        StringBuilder data = new StringBuilder();
        data.append("ab".repeat(0xFFFF)).append("00");
        List<String> frames = decode(List.of(header + data));
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0)).hasSize(2 * (4 + 0xFFFF));
    }

    private static List<String> decode(List<String> chunks) {
        EmbeddedChannel channel = new EmbeddedChannel(new TurnStreamFrameDecoder());
        for (String chunk : chunks) {
            channel.writeInbound(buf(chunk));
        }
        List<String> frames = new ArrayList<>();
        for (ByteBuf frame; (frame = channel.readInbound()) != null; ) {
            frames.add(ByteBufUtil.hexDump(frame));
            frame.release();
        }
        assertThat(channel.finish()).isFalse();
        return frames;
    }

    private static ByteBuf buf(String hex) {
        return Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex));
    }
}
