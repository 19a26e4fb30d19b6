package dev.osprey.sctp.chunk;

import io.netty.buffer.ByteBuf;

/** COOKIE ACK (RFC 9260 §3.3.12): confirms the COOKIE ECHO; the association is established. */
public record CookieAckChunk() implements Chunk {

    @Override
    public ChunkType type() {
        return ChunkType.COOKIE_ACK;
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
