package dev.osprey.bench.rtp;

import dev.osprey.rtp.RtpPacket;
import dev.osprey.rtp.codec.Vp8Descriptor;
import dev.osprey.rtp.extension.HeaderExtensionEditor;
import dev.osprey.rtp.extension.TransportSequenceNumber;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

/**
 * What egress does per subscriber to a 1200-byte VP8 packet: SSRC, sequence number, timestamp and payload type
 * rewrite, extension IDs renumbered in place to the subscriber's negotiation, a new transport-wide sequence number,
 * and the VP8 PictureID/TL0PICIDX rewrite. {@code rewriteInPlace} measures the rewrite alone;
 * {@code copyAndRewrite} adds the one pooled copy per subscriber the architecture allows (allocate from Netty's default
 * allocator, as a channel's {@code alloc()} would, copy, release).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RtpRewriteBenchmark {
    /** Swaps IDs 1 and 4 and keeps 2 and 3: applying it twice restores the packet, so every iteration does the same work. */
    private static final int[] SUBSCRIBER_IDS = {0, 4, 2, 3, 1};

    private final RtpPacket packet = new RtpPacket();
    private final Vp8Descriptor vp8 = new Vp8Descriptor();
    private ByteBuf source;
    private int sequence;
    private int timestamp;
    private int transportSequence;
    private int pictureId;

    @Setup
    public void setUp() {
        source = ByteBufAllocator.DEFAULT.directBuffer(2048);
        VideoPackets.write(source);
    }

    @TearDown
    public void tearDown() {
        source.release();
    }

    @Benchmark
    public int rewriteInPlace() {
        return rewrite(source);
    }

    @Benchmark
    public int copyAndRewrite() {
        ByteBuf copy = ByteBufAllocator.DEFAULT.directBuffer(VideoPackets.LENGTH + 32);
        try {
            copy.writeBytes(source, source.readerIndex(), source.readableBytes());
            return rewrite(copy);
        } finally {
            copy.release();
        }
    }

    private int rewrite(ByteBuf buf) {
        if (!packet.tryWrap(buf)) {
            return -1;
        }
        packet.setSsrc(0x5EB5C21B);
        packet.setSequenceNumber(sequence++);
        packet.setTimestamp(timestamp += 3000);
        packet.setPayloadType(100);
        HeaderExtensionEditor.renumberInPlace(packet, SUBSCRIBER_IDS);
        TransportSequenceNumber.write(packet, VideoPackets.TWCC_ID, transportSequence++);
        if (vp8.tryWrap(packet)) {
            vp8.setPictureId(pictureId++);
            vp8.setTl0PicIdx(pictureId >> 2);
        }
        return packet.sequenceNumber();
    }
}
