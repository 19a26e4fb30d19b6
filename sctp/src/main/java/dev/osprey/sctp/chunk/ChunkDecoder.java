package dev.osprey.sctp.chunk;

import dev.osprey.sctp.SctpParseException;
import dev.osprey.sctp.SctpParseException.Reason;
import io.netty.buffer.ByteBuf;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the chunk area of an SCTP packet into {@link Chunk}s (RFC 9260 §3.2). Every length is checked against the
 * bytes actually present; unknown types become {@link UnknownChunk}s for the association to handle by their high
 * bits. DATA payloads are slices of the given buffer, so they live as long as it does.
 */
public final class ChunkDecoder {
    /** A DTLS record holds at most 16 KiB; this bounds the objects one packet can make us create. */
    public static final int MAX_CHUNKS_PER_PACKET = 512;

    private ChunkDecoder() {
    }

    /** Decodes the chunks in {@code buf[index, end)}; up to 3 trailing zero bytes of padding are accepted. */
    public static List<Chunk> decodeAll(ByteBuf buf, int index, int end) throws SctpParseException {
        // most packets carry one or two chunks: those get an immutable list without any array behind it
        Chunk first = null;
        Chunk second = null;
        List<Chunk> more = null;
        int count = 0;
        while (end - index >= Chunk.HEADER_LENGTH) {
            if (count == MAX_CHUNKS_PER_PACKET) {
                throw new SctpParseException("more than " + MAX_CHUNKS_PER_PACKET + " chunks");
            }
            int length = buf.getUnsignedShort(index + 2);
            if (length < Chunk.HEADER_LENGTH) {
                throw new SctpParseException("chunk length " + length + " below its header");
            }
            if (length > end - index) {
                throw new SctpParseException(Reason.LENGTH_PAST_END, "chunk length " + length + " past the packet end");
            }
            Chunk chunk = decode(buf.getUnsignedByte(index), buf.getUnsignedByte(index + 1), buf,
                    index + Chunk.HEADER_LENGTH, length - Chunk.HEADER_LENGTH);
            switch (count++) {
                case 0 -> first = chunk;
                case 1 -> second = chunk;
                case 2 -> {
                    more = new ArrayList<>(8);
                    more.add(first);
                    more.add(second);
                    more.add(chunk);
                }
                default -> more.add(chunk);
            }
            index = Math.min(end, index + ((length + 3) & ~3));
        }
        requireZeroTail(buf, index, end);
        return switch (count) {
            case 0 -> throw new SctpParseException("packet without chunks");
            case 1 -> List.of(first);
            case 2 -> List.of(first, second);
            default -> List.copyOf(more);
        };
    }

    private static void requireZeroTail(ByteBuf buf, int index, int end) throws SctpParseException {
        for (int i = index; i < end; i++) {
            if (buf.getByte(i) != 0) {
                throw new SctpParseException(Reason.LENGTH_PAST_END, "trailing bytes after the last chunk");
            }
        }
    }

    /** Decodes one chunk whose value is {@code buf[index, index + length)}. */
    public static Chunk decode(int type, int flags, ByteBuf buf, int index, int length) throws SctpParseException {
        return switch (type) {
            case 0 -> DataChunk.decode(flags, buf, index, length);
            case 1, 2 -> InitChunk.decode(type == 2, buf, index, length);
            case 3 -> SackChunk.decode(buf, index, length);
            case 4, 5 -> HeartbeatChunk.decode(type == 5, buf, index, length);
            case 6 -> AbortChunk.decode(flags, buf, index, length);
            case 7 -> ShutdownChunk.decode(buf, index, length);
            case 8 -> empty(new ShutdownAckChunk(), length);
            case 9 -> ErrorChunk.decode(buf, index, length);
            case 10 -> CookieEchoChunk.decode(buf, index, length);
            case 11 -> empty(new CookieAckChunk(), length);
            case 14 -> empty(new ShutdownCompleteChunk((flags & ShutdownCompleteChunk.FLAG_T) != 0), length);
            case 64 -> IDataChunk.decode(flags, buf, index, length);
            case 130 -> ReConfigChunk.decode(buf, index, length);
            case 194 -> IForwardTsnChunk.decode(buf, index, length);
            case 192 -> ForwardTsnChunk.decode(buf, index, length);
            default -> UnknownChunk.decode(type, flags, buf, index, length);
        };
    }

    private static Chunk empty(Chunk chunk, int length) throws SctpParseException {
        if (length != 0) {
            throw new SctpParseException(chunk.type() + " must have no value, has " + length + " bytes");
        }
        return chunk;
    }
}
