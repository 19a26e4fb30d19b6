package dev.osprey.sctp.chunk;

import io.netty.buffer.ByteBuf;

/** COOKIE ECHO (RFC 9260 §3.3.11): returns the State Cookie of the INIT ACK, byte for byte. */
public record CookieEchoChunk(OpaqueValue cookie) implements Chunk {

    public CookieEchoChunk {
        if (cookie.length() > 0xFFFF - HEADER_LENGTH) {
            throw new IllegalArgumentException("cookie too long");
        }
    }

    static CookieEchoChunk decode(ByteBuf buf, int index, int length) {
        return new CookieEchoChunk(OpaqueValue.copyOf(buf, index, length));
    }

    @Override
    public ChunkType type() {
        return ChunkType.COOKIE_ECHO;
    }

    @Override
    public int flags() {
        return 0;
    }

    @Override
    public int valueLength() {
        return cookie.length();
    }

    @Override
    public void writeValue(ByteBuf out) {
        cookie.writeTo(out);
    }
}
