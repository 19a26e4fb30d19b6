package dev.osprey.bench.rtp;

import dev.osprey.rtp.PacketClassifier;
import dev.osprey.rtp.PacketKind;
import dev.osprey.rtp.RtpPacket;
import dev.osprey.rtp.codec.Vp8Descriptor;
import dev.osprey.rtp.extension.AbsSendTime;
import dev.osprey.rtp.extension.SdesItemExtension;
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
 * The receive path of one 1200-byte VP8 packet after decryption: RFC 7983 classification, the {@code RtpPacket}
 * flyweight (validating the whole layout, extension elements and padding), the three extensions a receiver reads on
 * every video packet, and the VP8 descriptor fields layer selection needs. The packet sits in a buffer of Netty's
 * default allocator, as a datagram read by a channel does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RtpParseBenchmark {
    private final RtpPacket packet = new RtpPacket();
    private final Vp8Descriptor vp8 = new Vp8Descriptor();
    private ByteBuf buf;

    @Setup
    public void setUp() {
        buf = ByteBufAllocator.DEFAULT.directBuffer(2048);
        VideoPackets.write(buf);
    }

    @TearDown
    public void tearDown() {
        buf.release();
    }

    @Benchmark
    public long classifyParseReadExtensions() {
        if (PacketClassifier.classify(buf) != PacketKind.RTP || !packet.tryWrap(buf)) {
            return -1;
        }
        long acc = packet.ssrc() + packet.sequenceNumber() + packet.timestamp() + packet.payloadType();
        acc += SdesItemExtension.matches(packet, VideoPackets.MID_ID, VideoPackets.MID) ? 1 : 0;
        acc += AbsSendTime.read(packet, VideoPackets.ABS_SEND_TIME_ID);
        acc += TransportSequenceNumber.read(packet, VideoPackets.TWCC_ID);
        if (vp8.tryWrap(packet)) {
            acc += vp8.pictureId() + vp8.tl0PicIdx() + vp8.temporalId() + (vp8.isKeyframe() ? 1 : 0);
        }
        return acc;
    }
}
