package dev.osprey.sctp.chunk;

import dev.osprey.sctp.SctpParseException;
import dev.osprey.sctp.chunk.ForwardTsnChunk.SkippedStream;
import dev.osprey.sctp.chunk.ReConfigParameter.IncomingSsnResetRequest;
import dev.osprey.sctp.chunk.ReConfigParameter.OtherReConfigParameter;
import dev.osprey.sctp.chunk.ReConfigParameter.OutgoingSsnResetRequest;
import dev.osprey.sctp.chunk.ReConfigParameter.ReConfigResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** decode(encode(chunk)) == chunk for every chunk type, and the encoded size is what the chunk says. */
class ChunkRoundTripPropertiesTest {

    @Property(tries = 300)
    void everyChunkRoundTrips(@ForAll("chunks") Chunk chunk) throws SctpParseException {
        ByteBuf out = Unpooled.buffer();
        chunk.encode(out);
        assertThat(out.readableBytes()).isEqualTo(chunk.paddedLength());
        assertThat(out.getUnsignedShort(2)).isEqualTo(chunk.length());
        List<Chunk> decoded = ChunkDecoder.decodeAll(out, 0, out.writerIndex());
        assertThat(decoded).containsExactly(chunk);
    }

    @Property(tries = 100)
    void packetsRoundTripWithAValidChecksum(@ForAll("chunkLists") List<Chunk> chunks,
                                            @ForAll("u32") long tag) throws SctpParseException {
        SctpPacket packet = new SctpPacket(5000, 5000, tag, chunks);
        ByteBuf out = Unpooled.buffer();
        packet.encode(out);
        assertThat(SctpPacket.checksumMatches(out)).isTrue();
        assertThat(SctpPacket.decode(out)).isEqualTo(packet);
    }

    @Provide
    Arbitrary<List<Chunk>> chunkLists() {
        return chunks().list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<Long> u32() {
        return Arbitraries.longs().between(0, 0xFFFFFFFFL);
    }

    private static Arbitrary<Integer> u16() {
        return Arbitraries.integers().between(0, 0xFFFF);
    }

    private static Arbitrary<OpaqueValue> opaque(int max) {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(max).map(OpaqueValue::of);
    }

    @Provide
    Arbitrary<Chunk> chunks() {
        return Arbitraries.oneOf(data(), init(), sack(), heartbeat(), abort(), error(), shutdown(), cookieEcho(),
                simple(), forwardTsn(), reconfig(), iData(), iForwardTsn(), unknown());
    }

    private Arbitrary<Chunk> data() {
        return Combinators.combine(Arbitraries.integers().between(0, 15), u32(), u16(), u16(), u32(),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64))
                .as((flags, tsn, stream, ssn, ppid, bytes) -> new DataChunk(flags, tsn, stream, ssn, ppid,
                        Unpooled.wrappedBuffer(bytes)));
    }

    private Arbitrary<Chunk> iData() {
        return Combinators.combine(Arbitraries.integers().between(0, 15), u32(), u16(), u32(), u32(),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64))
                .as((flags, tsn, stream, mid, ppidOrFsn, bytes) -> new IDataChunk(flags, tsn, stream, mid, ppidOrFsn,
                        Unpooled.wrappedBuffer(bytes)));
    }

    private Arbitrary<Chunk> iForwardTsn() {
        Arbitrary<IForwardTsnChunk.SkippedMessage> skipped = Combinators.combine(u16(), Arbitraries.of(true, false),
                u32()).as(IForwardTsnChunk.SkippedMessage::new);
        return Combinators.combine(u32(), skipped.list().ofMaxSize(4)).as(IForwardTsnChunk::new);
    }

    private Arbitrary<Chunk> init() {
        Arbitrary<Parameter> parameter = Combinators.combine(u16(), opaque(12)).as(Parameter::new);
        return Combinators.combine(Arbitraries.of(true, false), u32(), u32(), u16(), u16(), u32(),
                parameter.list().ofMaxSize(4)).as(InitChunk::new);
    }

    private Arbitrary<Chunk> sack() {
        return Combinators.combine(u32(), u32(), u16().list().ofMaxSize(3).map(l -> {
            int[] pairs = new int[2 * l.size()];
            for (int i = 0; i < l.size(); i++) {
                pairs[2 * i] = l.get(i);
                pairs[2 * i + 1] = l.get(i);
            }
            return pairs;
        }), u32().list().ofMaxSize(3).map(l -> l.stream().mapToLong(Long::longValue).toArray()))
                .as(SackChunk::new);
    }

    private Arbitrary<Chunk> heartbeat() {
        return Combinators.combine(Arbitraries.of(true, false), opaque(40)).as(HeartbeatChunk::new);
    }

    private Arbitrary<ErrorCause> cause() {
        return Combinators.combine(u16(), opaque(9)).as(ErrorCause::new);
    }

    private Arbitrary<Chunk> abort() {
        return Combinators.combine(Arbitraries.of(true, false), cause().list().ofMaxSize(3)).as(AbortChunk::new);
    }

    private Arbitrary<Chunk> error() {
        return cause().list().ofMaxSize(3).map(ErrorChunk::new);
    }

    private Arbitrary<Chunk> shutdown() {
        return u32().map(ShutdownChunk::new);
    }

    private Arbitrary<Chunk> cookieEcho() {
        return opaque(90).map(CookieEchoChunk::new);
    }

    private Arbitrary<Chunk> simple() {
        return Arbitraries.of(new ShutdownAckChunk(), new CookieAckChunk(), new ShutdownCompleteChunk(true),
                new ShutdownCompleteChunk(false));
    }

    private Arbitrary<Chunk> forwardTsn() {
        Arbitrary<SkippedStream> skipped = Combinators.combine(u16(), u16()).as(SkippedStream::new);
        return Combinators.combine(u32(), skipped.list().ofMaxSize(4)).as(ForwardTsnChunk::new);
    }

    private Arbitrary<Chunk> reconfig() {
        Arbitrary<List<Integer>> streams = u16().list().ofMaxSize(4);
        Arbitrary<ReConfigParameter> outgoing = Combinators.combine(u32(), u32(), u32(), streams)
                .as(OutgoingSsnResetRequest::new);
        Arbitrary<ReConfigParameter> incoming = Combinators.combine(u32(), streams).as(IncomingSsnResetRequest::new);
        Arbitrary<ReConfigParameter> response = Combinators.combine(u32(), u32(), Arbitraries.of(true, false), u32(),
                u32()).as((seq, result, tsns, a, b) -> new ReConfigResponse(seq, result, tsns, tsns ? a : 0,
                tsns ? b : 0));
        Arbitrary<ReConfigParameter> other = Combinators.combine(Arbitraries.of(15, 17, 18, 99), opaque(8))
                .as(OtherReConfigParameter::new);
        return Arbitraries.oneOf(outgoing, incoming, response, other).list().ofMinSize(1).ofMaxSize(2)
                .map(ReConfigChunk::new);
    }

    private Arbitrary<Chunk> unknown() {
        return Combinators.combine(Arbitraries.of(12, 13, 15, 63, 127, 128, 132, 191, 193, 255),
                Arbitraries.integers().between(0, 255), opaque(20)).as((t, f, v) -> new UnknownChunk(
                ChunkType.valueOf(t), f, v));
    }
}
