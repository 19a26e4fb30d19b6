package dev.osprey.rtp.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.osprey.rtp.MalformedPacketException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Jazzer target per payload parser. Each wraps the bytes (both the throwing and the non-throwing way, which must
 * agree), reads every accessor and, where the format allows, rewrites in place and re-parses.
 */
class PayloadFuzzTest {

    @FuzzTest
    void vp8(byte[] data) {
        parse(new Vp8Descriptor(), data, vp8 -> {
            int before = vp8.descriptorLength();
            vp8.isKeyframe();
            vp8.temporalId();
            vp8.keyIdx();
            vp8.setPictureId(vp8.pictureId() + 1);
            vp8.setTl0PicIdx(vp8.tl0PicIdx() + 1);
            vp8.wrap(vp8.buffer(), vp8.offset(), vp8.length());
            assertThat(vp8.descriptorLength()).isEqualTo(before);
        });
    }

    @FuzzTest
    void vp9(byte[] data) {
        parse(new Vp9Descriptor(), data, vp9 -> {
            vp9.isKeyframe();
            vp9.temporalId();
            for (int i = 0; i < vp9.pDiffCount(); i++) {
                vp9.pDiff(i);
            }
            for (int s = 0; vp9.hasResolutions() && s < vp9.spatialLayerCount(); s++) {
                vp9.width(s);
                vp9.height(s);
            }
            assertThat(vp9.descriptorLength()).isLessThan(vp9.length());
        });
    }

    @FuzzTest
    void h264(byte[] data) {
        parse(new H264Payload(), data, h264 -> {
            h264.isKeyframe();
            h264.startOfNalUnit();
            h264.endOfNalUnit();
            assertThat(Integer.bitCount(h264.nalTypeMask())).isLessThanOrEqualTo(h264.nalUnitCount());
        });
    }

    @FuzzTest
    void av1(byte[] data) {
        parse(new Av1AggregationHeader(), data, av1 -> {
            av1.firstObuType();
            assertThat(av1.elementCount()).isPositive();
        });
    }

    @FuzzTest
    void red(byte[] data) {
        parse(new RedPayload(), data, red -> {
            int end = red.offset() + red.length();
            for (int i = 0; i < red.blockCount(); i++) {
                assertThat(red.blockOffset(i) + red.blockLength(i)).isLessThanOrEqualTo(end);
            }
        });
    }

    @FuzzTest
    void opus(byte[] data) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(Math.max(1, data.length));
        try {
            buf.writeBytes(data);
            int frames = OpusToc.frameCount(buf, 0, data.length);
            int micros = OpusToc.packetDurationMicros(buf, 0, data.length);
            assertThat(frames < 0).isEqualTo(micros < 0);
            assertThat(micros).isLessThanOrEqualTo(120_000);
        } finally {
            buf.release();
        }
    }

    private static <T extends PayloadView> void parse(T view, byte[] data, Consumer<T> check) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(Math.max(1, data.length));
        try {
            buf.writeBytes(data);
            boolean valid = view.tryWrap(buf, 0, data.length);
            try {
                view.wrap(buf, 0, data.length);
                assertThat(valid).isTrue();
            } catch (MalformedPacketException e) {
                assertThat(valid).isFalse();
            }
            if (valid) {
                check.accept(view);
            }
        } finally {
            buf.release();
        }
    }
}
