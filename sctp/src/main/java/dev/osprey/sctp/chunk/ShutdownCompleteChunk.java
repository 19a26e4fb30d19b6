package dev.osprey.sctp.chunk;

import io.netty.buffer.ByteBuf;

/**
 * SHUTDOWN COMPLETE (RFC 9260 §3.3.13): ends the graceful close. The T bit has the same meaning as for ABORT.
 */
public record ShutdownCompleteChunk(boolean tagReflected) implements Chunk {
    public static final int FLAG_T = 0x01;

    @Override
    public ChunkType type() {
        return ChunkType.SHUTDOWN_COMPLETE;
    }

    @Override
    public int flags() {
        return tagReflected ? FLAG_T : 0;
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
