package dev.osprey.sctp.chunk;

import io.netty.buffer.ByteBuf;

/**
 * A chunk of a type this implementation does not process (RFC 9260 §3.2); its {@link ChunkType#action()} decides
 * whether the rest of the packet is processed and whether the peer hears about it.
 */
public record UnknownChunk(ChunkType type, int flags, OpaqueValue value) implements Chunk {

    public UnknownChunk {
        if (flags < 0 || flags > 0xFF || value.length() > 0xFFFF - HEADER_LENGTH) {
            throw new IllegalArgumentException("unknown chunk out of range");
        }
    }

    static UnknownChunk decode(int type, int flags, ByteBuf buf, int index, int length) {
        return new UnknownChunk(ChunkType.valueOf(type), flags, OpaqueValue.copyOf(buf, index, length));
    }

    @Override
    public int valueLength() {
        return value.length();
    }

    @Override
    public void writeValue(ByteBuf out) {
        value.writeTo(out);
    }
}
