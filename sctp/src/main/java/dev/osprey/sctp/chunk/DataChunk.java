package dev.osprey.sctp.chunk;

import dev.osprey.sctp.SctpParseException;
import io.netty.buffer.ByteBuf;

/**
 * DATA (RFC 9260 §3.3.1): one fragment of a user message with its TSN, stream, stream sequence number and payload
 * protocol identifier. The user data is a view of someone else's buffer: this record never retains or releases it.
 *
 * @param flags    I (0x08, RFC 7053 immediate SACK), U (0x04 unordered), B (0x02 first fragment), E (0x01 last)
 * @param tsn      transmission sequence number, unsigned 32-bit
 * @param streamId stream identifier, unsigned 16-bit
 * @param ssn      stream sequence number, unsigned 16-bit (meaningless when unordered)
 * @param ppid     payload protocol identifier, unsigned 32-bit
 */
public record DataChunk(int flags, long tsn, int streamId, int ssn, long ppid, ByteBuf userData) implements Chunk {
    public static final int FLAG_ENDING = 0x01;
    public static final int FLAG_BEGINNING = 0x02;
    public static final int FLAG_UNORDERED = 0x04;
    public static final int FLAG_IMMEDIATE = 0x08;
    /** Bytes before the user data: the fixed fields after the chunk header. */
    public static final int FIXED_VALUE_LENGTH = 12;
    /** Chunk header plus fixed fields. */
    public static final int HEADER_OVERHEAD = HEADER_LENGTH + FIXED_VALUE_LENGTH;

    public DataChunk {
        if (flags < 0 || flags > 0xFF || streamId < 0 || streamId > 0xFFFF || ssn < 0 || ssn > 0xFFFF
                || (tsn >>> 32) != 0 || (ppid >>> 32) != 0) {
            throw new IllegalArgumentException("DATA field out of range");
        }
    }

    static DataChunk decode(int flags, ByteBuf buf, int index, int length) throws SctpParseException {
        if (length < FIXED_VALUE_LENGTH) {
            throw new SctpParseException("DATA chunk shorter than its fixed fields");
        }
        return new DataChunk(flags, buf.getUnsignedInt(index), buf.getUnsignedShort(index + 4),
                buf.getUnsignedShort(index + 6), buf.getUnsignedInt(index + 8),
                buf.slice(index + FIXED_VALUE_LENGTH, length - FIXED_VALUE_LENGTH));
    }

    @Override
    public ChunkType type() {
        return ChunkType.DATA;
    }

    @Override
    public int valueLength() {
        return FIXED_VALUE_LENGTH + userData.readableBytes();
    }

    @Override
    public void writeValue(ByteBuf out) {
        out.writeInt((int) tsn);
        out.writeShort(streamId);
        out.writeShort(ssn);
        out.writeInt((int) ppid);
        out.writeBytes(userData, userData.readerIndex(), userData.readableBytes());
    }

    public boolean unordered() {
        return (flags & FLAG_UNORDERED) != 0;
    }

    public boolean beginning() {
        return (flags & FLAG_BEGINNING) != 0;
    }

    public boolean ending() {
        return (flags & FLAG_ENDING) != 0;
    }

    public boolean immediate() {
        return (flags & FLAG_IMMEDIATE) != 0;
    }
}
