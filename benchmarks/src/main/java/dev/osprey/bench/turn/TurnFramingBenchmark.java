package dev.osprey.bench.turn;

import dev.osprey.turn.allocation.ChannelBinding;
import dev.osprey.turn.allocation.ChannelBindings;
import dev.osprey.turn.frame.FrameKind;
import dev.osprey.turn.frame.TurnFrameClassifier;
import dev.osprey.turn.server.PeerDataFramer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The per-packet pieces of the TURN relay that do not touch a socket: classifying a 1000-byte ChannelData message
 * from a client, and framing 1000 bytes from a peer for the client as ChannelData (TCP padding) or as a Data
 * indication. Run: {@code java -jar benchmarks/target/benchmarks.jar TurnFraming -f 1 -wi 2 -w 1s -i 3 -r 1s -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TurnFramingBenchmark {
    private static final int PAYLOAD_BYTES = 1000;
    private final ByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
    private final InetSocketAddress peer = new InetSocketAddress("192.0.2.10", 40000);
    private ByteBuf channelData;
    private ByteBuf payload;
    private ChannelBinding binding;

    @Setup
    public void setUp() {
        channelData = alloc.directBuffer(4 + PAYLOAD_BYTES).writeShort(0x4000).writeShort(PAYLOAD_BYTES)
                .writeZero(PAYLOAD_BYTES);
        payload = alloc.directBuffer(PAYLOAD_BYTES).writeZero(PAYLOAD_BYTES);
        ChannelBindings bindings = new ChannelBindings(new AtomicInteger());
        bindings.bind(0x4000, peer, 0);
        binding = bindings.byNumber(0x4000);
    }

    @TearDown
    public void tearDown() {
        channelData.release();
        payload.release();
    }

    @Benchmark
    public FrameKind classifyChannelData() {
        return TurnFrameClassifier.classify(channelData);
    }

    @Benchmark
    public int frameChannelDataForTcp() {
        ByteBuf framed = PeerDataFramer.frame(alloc, payload, peer, binding, true);
        int size = framed.readableBytes();
        framed.release();
        return size;
    }

    @Benchmark
    public int frameDataIndication() {
        ByteBuf framed = PeerDataFramer.frame(alloc, payload, peer, null, false);
        int size = framed.readableBytes();
        framed.release();
        return size;
    }
}
