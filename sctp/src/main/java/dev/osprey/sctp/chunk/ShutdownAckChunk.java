package dev.osprey.sctp.chunk;

import io.netty.buffer.ByteBuf;

/** SHUTDOWN ACK (RFC 9260 §3.3.9): the answer to SHUTDOWN once all outstanding data is acknowledged. */
public record ShutdownAckChunk() implements Chunk {

    @Override
    public ChunkType type() {
        return ChunkType.SHUTDOWN_ACK;
    }

    @Override
    public int flags() {
        return 0;
    }

    @Override
    public int valueLength() {
        return 0;
    }

    @Override
    public void writeValue(ByteBuf out) {
        // no value
    }
}
