package dev.osprey.sctp.chunk;

import io.netty.buffer.ByteBuf;

/**
 * One SCTP chunk (RFC 9260 §3.2): a type, flags, and a value. Encoding writes the 4-byte chunk header, the value
 * and the zero padding to a multiple of 4; the chunk length field counts the header and value but not the padding.
 */
public sealed interface Chunk permits DataChunk, InitChunk, SackChunk, HeartbeatChunk, AbortChunk, ShutdownChunk,
        ShutdownAckChunk, ErrorChunk, CookieEchoChunk, CookieAckChunk, ShutdownCompleteChunk, ForwardTsnChunk,
        ReConfigChunk, IDataChunk, IForwardTsnChunk, UnknownChunk {

    /** Chunk header size: type, flags, length (RFC 9260 §3.2). */
    int HEADER_LENGTH = 4;

    ChunkType type();

    int flags();

    /** Length of the value, without the chunk header and without padding. */
    int valueLength();

    /** Writes the value (not the header, not the padding). */
    void writeValue(ByteBuf out);

    /** The value of the chunk length field: header plus value. */
    default int length() {
        return HEADER_LENGTH + valueLength();
    }

    /** Bytes the chunk occupies in a packet, padding included. */
    default int paddedLength() {
        return (length() + 3) & ~3;
    }

    /** Writes header, value and padding at the writer index. */
    default void encode(ByteBuf out) {
        out.writeByte(type().code());
        out.writeByte(flags());
        out.writeShort(length());
        writeValue(out);
        out.writeZero(paddedLength() - length());
    }
}
