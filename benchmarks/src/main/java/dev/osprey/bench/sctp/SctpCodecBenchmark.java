package dev.osprey.bench.sctp;

import dev.osprey.sctp.SctpParseException;
import dev.osprey.sctp.chunk.DataChunk;
import dev.osprey.sctp.chunk.SackChunk;
import dev.osprey.sctp.chunk.SctpPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Encode and decode of one SCTP packet carrying a SACK and a 1 KB DATA chunk, CRC32c included (RFC 9260 §6.8).
 * {@code java -jar benchmarks/target/benchmarks.jar SctpCodec -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SctpCodecBenchmark {
    private ByteBuf payload;
    private DataChunk data;
    private SackChunk sack;
    private ByteBuf out;
    private ByteBuf encoded;

    @Setup
    public void setUp() {
        payload = PooledByteBufAllocator.DEFAULT.directBuffer(1024).writeZero(1024);
        data = new DataChunk(DataChunk.FLAG_BEGINNING | DataChunk.FLAG_ENDING, 12345, 1, 7, 53, payload);
        sack = new SackChunk(12000, 1 << 20, new int[]{2, 3}, new long[0]);
        out = PooledByteBufAllocator.DEFAULT.directBuffer(1500);
        encoded = PooledByteBufAllocator.DEFAULT.directBuffer(1500);
        new SctpPacket(5000, 5000, 0xCAFEBABEL, List.of(sack, data)).encode(encoded);
    }

    @TearDown
    public void tearDown() {
        payload.release();
        out.release();
        encoded.release();
    }

    /** Header, SACK, DATA and checksum written into a reused buffer (the association writes the same way). */
    @Benchmark
    public int encodeSackAndData() {
        out.clear();
        SctpPacket.writeHeader(out, 5000, 5000, 0xCAFEBABEL);
        sack.encode(out);
        data.encode(out);
        SctpPacket.writeChecksum(out, 0);
        return out.writerIndex();
    }

    /** Checksum verification and decoding into chunk objects (DATA's payload is a slice, not a copy). */
    @Benchmark
    public Object decodeSackAndData() throws SctpParseException {
        if (!SctpPacket.checksumMatches(encoded)) {
            throw new IllegalStateException("checksum");
        }
        return SctpPacket.decode(encoded);
    }
}
