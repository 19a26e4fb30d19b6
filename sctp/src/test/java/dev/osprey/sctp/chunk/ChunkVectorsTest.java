package dev.osprey.sctp.chunk;

import dev.osprey.sctp.SctpParseException;
import dev.osprey.sctp.chunk.ForwardTsnChunk.SkippedStream;
import dev.osprey.sctp.chunk.ReConfigParameter.OutgoingSsnResetRequest;
import dev.osprey.sctp.chunk.ReConfigParameter.ReConfigResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Chunks built byte by byte from the layouts of RFC 9260 §3.3, RFC 3758 §3.2 and RFC 6525 §3–4. */
class ChunkVectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    private static ByteBuf hex(String s) {
        return Unpooled.wrappedBuffer(HEX.parseHex(s.replace(" ", "")));
    }

    private static Chunk decodeOne(String hex) throws SctpParseException {
        ByteBuf buf = hex(hex);
        List<Chunk> chunks = ChunkDecoder.decodeAll(buf, 0, buf.writerIndex());
        assertThat(chunks).hasSize(1);
        return chunks.getFirst();
    }

    private static String encode(Chunk chunk) {
        ByteBuf out = Unpooled.buffer();
        chunk.encode(out);
        return ByteBufUtil.hexDump(out);
    }

    private static void assertVector(String hex, Chunk expected) throws SctpParseException {
        assertThat(decodeOne(hex)).isEqualTo(expected);
        assertThat(encode(expected)).isEqualTo(hex.replace(" ", ""));
    }

    @Test
    void data() throws SctpParseException {
        // B|E, TSN 42, stream 5, SSN 7, PPID 51 (string), "hi!" + one byte of padding; length 19
        DataChunk chunk = (DataChunk) decodeOne("00 03 0013 0000002a 0005 0007 00000033 686921 00");
        assertThat(chunk.beginning()).isTrue();
        assertThat(chunk.ending()).isTrue();
        assertThat(chunk.unordered()).isFalse();
        assertThat(chunk.tsn()).isEqualTo(42);
        assertThat(chunk.streamId()).isEqualTo(5);
        assertThat(chunk.ssn()).isEqualTo(7);
        assertThat(chunk.ppid()).isEqualTo(51);
        assertThat(chunk.userData().toString(java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("hi!");
        assertThat(encode(chunk)).isEqualTo("000300130000002a000500070000003368692100");
    }

    @Test
    void sackWithGapBlocksAndDuplicates() throws SctpParseException {
        assertVector("03 00 001c 00000064 00010000 0002 0001 0002 0003 0005 0005 00000063",
                new SackChunk(100, 65536, new int[]{2, 3, 5, 5}, new long[]{99}));
    }

    @Test
    void initWithExtensionParametersAndUnpaddedLastParameter() throws SctpParseException {
        // Forward-TSN-Supported, then Supported Extensions [RE-CONFIG, FORWARD TSN] (6 bytes, padding not counted)
        assertVector("01 00 001e 12345678 00100000 0400 0400 00000001 c0000004 80080006 82c0 0000",
                new InitChunk(false, 0x12345678L, 1 << 20, 1024, 1024, 1, List.of(
                        new Parameter(ParameterType.FORWARD_TSN_SUPPORTED, OpaqueValue.EMPTY),
                        new Parameter(ParameterType.SUPPORTED_EXTENSIONS, OpaqueValue.of(new byte[]{(byte) 0x82,
                                (byte) 0xC0})))));
        InitChunk init = (InitChunk) decodeOne("01 00 001e 12345678 00100000 0400 0400 00000001 c0000004 80080006 82c0 0000");
        assertThat(init.forwardTsnSupported()).isTrue();
        assertThat(init.supportsExtension(ChunkType.RE_CONFIG)).isTrue();
    }

    @Test
    void controlChunks() throws SctpParseException {
        assertVector("04 00 000c 0001 0008 deadbeef", new HeartbeatChunk(false, OpaqueValue.of(HEX.parseHex("deadbeef"))));
        assertVector("05 00 000c 0001 0008 deadbeef", new HeartbeatChunk(true, OpaqueValue.of(HEX.parseHex("deadbeef"))));
        assertVector("06 01 0008 000c 0004", new AbortChunk(true, List.of(ErrorCause.of(ErrorCause.USER_INITIATED_ABORT))));
        assertVector("07 00 0008 00000010", new ShutdownChunk(16));
        assertVector("08 00 0004", new ShutdownAckChunk());
        assertVector("09 00 000c 0006 0008 7f000004", new ErrorChunk(List.of(new ErrorCause(
                ErrorCause.UNRECOGNIZED_CHUNK_TYPE, OpaqueValue.of(HEX.parseHex("7f000004"))))));
        assertVector("0a 00 0008 01020304", new CookieEchoChunk(OpaqueValue.of(new byte[]{1, 2, 3, 4})));
        assertVector("0b 00 0004", new CookieAckChunk());
        assertVector("0e 01 0004", new ShutdownCompleteChunk(true));
    }

    @Test
    void forwardTsn() throws SctpParseException {
        assertVector("c0 00 000c 00000010 0001 0005", new ForwardTsnChunk(16, List.of(new SkippedStream(1, 5))));
    }

    @Test
    void reConfigOutgoingResetRequestAndResponse() throws SctpParseException {
        // request 1, response seq 0, last TSN 9, stream 2; the parameter's 2 padding bytes are the chunk's
        assertVector("82 00 0016 000d 0012 00000001 00000000 00000009 0002 0000",
                new ReConfigChunk(List.of(new OutgoingSsnResetRequest(1, 0, 9, List.of(2)))));
        assertVector("82 00 0010 0010 000c 00000001 00000001",
                new ReConfigChunk(List.of(ReConfigResponse.of(1, ReConfigResponse.SUCCESS_PERFORMED))));
    }

    @Test
    void iDataFirstFragmentCarriesThePpidAndLaterOnesTheirFsn() throws SctpParseException {
        // RFC 8260 §2.1: B set, TSN 7, stream 3, MID 9, PPID 53, "ab" + 2 bytes of padding; length 22
        IDataChunk first = (IDataChunk) decodeOne("40 02 0016 00000007 0003 0000 00000009 00000035 6162 0000");
        assertThat(first.beginning()).isTrue();
        assertThat(first.mid()).isEqualTo(9);
        assertThat(first.ppidOrFsn()).isEqualTo(53);
        assertThat(first.fsn()).isZero();
        IDataChunk last = (IDataChunk) decodeOne("40 01 0015 00000008 0003 0000 00000009 00000001 63 000000");
        assertThat(last.fsn()).isEqualTo(1);
        assertThat(encode(last)).isEqualTo("400100150000000800030000000000090000000163000000");
    }

    @Test
    void iForwardTsnNamesStreamUnorderedFlagAndMid() throws SctpParseException {
        assertVector("c2 00 0018 00000010 0001 0001 00000005 0002 0000 00000007",
                new IForwardTsnChunk(16, List.of(new IForwardTsnChunk.SkippedMessage(1, true, 5),
                        new IForwardTsnChunk.SkippedMessage(2, false, 7))));
    }

    @Test
    void unknownChunkKeepsItsBytesAndHighBits() throws SctpParseException {
        UnknownChunk chunk = (UnknownChunk) decodeOne("bf 05 0006 abcd 0000");
        assertThat(chunk.type().code()).isEqualTo(0xBF);
        assertThat(chunk.type().action()).isEqualTo(UnrecognizedAction.SKIP);
        assertThat(ChunkType.valueOf(0x3F).action()).isEqualTo(UnrecognizedAction.STOP);
        assertThat(ChunkType.valueOf(0x7F).action()).isEqualTo(UnrecognizedAction.STOP_AND_REPORT);
        assertThat(ChunkType.valueOf(0xFF).action()).isEqualTo(UnrecognizedAction.SKIP_AND_REPORT);
        assertThat(encode(chunk)).isEqualTo("bf050006abcd0000");
    }

    @Test
    void crc32cMatchesTheIscsiVectorForZeros() {
        // RFC 3720 B.4: CRC32c of 32 zero bytes is 0x8A9136AA; SCTP sends its low byte first (RFC 9260 App. A)
        ByteBuf packet = Unpooled.buffer(32).writeZero(32);
        SctpPacket.writeChecksum(packet, 0);
        assertThat(ByteBufUtil.hexDump(packet, 8, 4)).isEqualTo("aa36918a");
        assertThat(SctpPacket.checksumMatches(packet)).isTrue();
        packet.setByte(31, 1);
        assertThat(SctpPacket.checksumMatches(packet)).isFalse();
    }

    @Test
    void malformedChunksAreRejectedWithTheModulesException() {
        String[] bad = {
            "00 03 000f 0000002a 0005 0007 000000",      // DATA shorter than its fixed fields
            "00 03 0030 0000002a 0005 0007 00000033 68", // length past the end
            "03 00 0010 00000064 00010000 0001 0000",    // SACK announcing a gap block it does not carry
            "04 00 0008 0002 0004",                      // HEARTBEAT without Heartbeat Info
            "04 00 000c 0001 0010 deadbeef",             // Heartbeat Info longer than the chunk
            "01 00 0018 12345678 00100000 0400 0400 00000001 0007 0010", // INIT parameter past the end
            "0b 00 0008 00000000",                       // COOKIE ACK with a value
            "c0 00 000a 00000010 0001",                  // FORWARD TSN with half a stream pair
            "82 00 0008 0010 0006",                      // RE-CONFIG response too short
            "00 03 0003",                                // chunk length below its header
        };
        for (String hex : bad) {
            ByteBuf buf = hex(hex);
            assertThatThrownBy(() -> ChunkDecoder.decodeAll(buf, 0, buf.writerIndex()), hex)
                    .isInstanceOf(SctpParseException.class);
        }
    }

    @Test
    void packetHeaderAndChecksumRoundTrip() throws SctpParseException {
        SctpPacket packet = new SctpPacket(5000, 5000, 0xCAFEBABEL, List.of(new CookieAckChunk(),
                new SackChunk(7, 1000, new int[0], new long[0])));
        ByteBuf buf = Unpooled.buffer();
        packet.encode(buf);
        assertThat(buf.readableBytes()).isEqualTo(packet.length());
        assertThat(SctpPacket.checksumMatches(buf)).isTrue();
        assertThat(SctpPacket.decode(buf)).isEqualTo(packet);
    }
}
