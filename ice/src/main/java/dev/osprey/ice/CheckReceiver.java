package dev.osprey.ice;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.net.InetSocketAddress;

/** Where a connectivity check arrived: a shared UDP socket or one ICE-TCP connection. Used on its own loop. */
interface CheckReceiver {
    ByteBufAllocator alloc();

    /** Sends {@code response} (taking ownership) to {@code remote} and flushes. */
    void reply(ByteBuf response, InetSocketAddress remote);

    /**
     * The valid pair of {@code transport} towards {@code remote} on this socket or connection, created (and
     * routed) on first use; {@code null} if this receiver cannot carry it.
     */
    ValidPair pairFor(LiteTransport transport, InetSocketAddress remote);
}
