package dev.osprey.sctp.chunk;

import dev.osprey.sctp.SctpParseException;
import io.netty.buffer.ByteBuf;

/** SHUTDOWN (RFC 9260 §3.3.8): starts the graceful close and acknowledges data up to the cumulative TSN. */
public record ShutdownChunk(long cumulativeTsnAck) implements Chunk {

    public ShutdownChunk {
        if ((cumulativeTsnAck >>> 32) != 0) {
            throw new IllegalArgumentException("TSN out of range");
        }
    }

    static ShutdownChunk decode(ByteBuf buf, int index, int length) throws SctpParseException {
        if (length != 4) {
            throw new SctpParseException("SHUTDOWN value length " + length);
        }
        return new ShutdownChunk(buf.getUnsignedInt(index));
    }

    @Override
    public ChunkType type() {
        return ChunkType.SHUTDOWN;
    }

    @Override
    public int flags() {
        return 0;
    }

    @Override
    public int valueLength() {
        return 4;
    }

    @Override
    public void writeValue(ByteBuf out) {
        out.writeInt((int) cumulativeTsnAck);
    }
}
