package dev.osprey.sctp.chunk;

import dev.osprey.sctp.SctpParseException;
import io.netty.buffer.ByteBuf;

/**
 * I-DATA (RFC 8260 §2.1): a fragment identified by stream, Message Identifier and Fragment Sequence Number, so
 * fragments of messages on different streams may interleave. The 32-bit field after the MID is the PPID in the
 * first fragment (B set, FSN 0) and the FSN in the others. The user data is a view of someone else's buffer.
 *
 * @param flags     I (0x08), U (0x04 unordered), B (0x02 first fragment), E (0x01 last fragment)
 * @param mid       message identifier, unsigned 32-bit, per stream and per ordered/unordered
 * @param ppidOrFsn the PPID when {@code beginning()}, else the FSN; unsigned 32-bit
 */
public record IDataChunk(int flags, long tsn, int streamId, long mid, long ppidOrFsn, ByteBuf userData)
        implements Chunk {
    public static final int FIXED_VALUE_LENGTH = 16;
    public static final int HEADER_OVERHEAD = HEADER_LENGTH + FIXED_VALUE_LENGTH;

    public IDataChunk {
        if (flags < 0 || flags > 0xFF || streamId < 0 || streamId > 0xFFFF || (tsn >>> 32) != 0
                || (mid >>> 32) != 0 || (ppidOrFsn >>> 32) != 0) {
            throw new IllegalArgumentException("I-DATA field out of range");
        }
    }

    static IDataChunk decode(int flags, ByteBuf buf, int index, int length) throws SctpParseException {
        if (length < FIXED_VALUE_LENGTH) {
            throw new SctpParseException("I-DATA chunk shorter than its fixed fields");
        }
        return new IDataChunk(flags, buf.getUnsignedInt(index), buf.getUnsignedShort(index + 4),
                buf.getUnsignedInt(index + 8), buf.getUnsignedInt(index + 12),
                buf.slice(index + FIXED_VALUE_LENGTH, length - FIXED_VALUE_LENGTH));
    }

    @Override
    public ChunkType type() {
        return ChunkType.I_DATA;
    }

    @Override
    public int valueLength() {
        return FIXED_VALUE_LENGTH + userData.readableBytes();
    }

    @Override
    public void writeValue(ByteBuf out) {
        out.writeInt((int) tsn);
        out.writeShort(streamId);
        out.writeShort(0);
        out.writeInt((int) mid);
        out.writeInt((int) ppidOrFsn);
        out.writeBytes(userData, userData.readerIndex(), userData.readableBytes());
    }

    public boolean unordered() {
        return (flags & DataChunk.FLAG_UNORDERED) != 0;
    }

    public boolean beginning() {
        return (flags & DataChunk.FLAG_BEGINNING) != 0;
    }

    public boolean ending() {
        return (flags & DataChunk.FLAG_ENDING) != 0;
    }

    public boolean immediate() {
        return (flags & DataChunk.FLAG_IMMEDIATE) != 0;
    }

    /** Fragment sequence number: 0 for the first fragment. */
    public long fsn() {
        return beginning() ? 0 : ppidOrFsn;
    }
}
