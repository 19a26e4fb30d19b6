package dev.osprey.media.forward;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Where packets for one peer connection go: the transport encrypts them in place (SRTP/SRTCP, using the tail room
 * reserved after the readable bytes) and writes them. Each call hands over ownership of exactly one buffer; the
 * sink releases it (after writing, or when it cannot). Implementations may be called from any event loop that
 * forwards to this peer and hand the buffer to their own loop.
 */
public interface EgressSink {
    /** The allocator egress copies for this peer are made with (pooled, direct). */
    ByteBufAllocator allocator();

    /** Sends one RTP packet: its readable bytes, with writable tail room for the SRTP tag. Takes ownership. */
    void sendRtp(ByteBuf packet);

    /** Sends one RTCP packet or compound: its readable bytes, with writable tail room. Takes ownership. */
    void sendRtcp(ByteBuf packet);
}
