package dev.osprey.turn.server;

import dev.osprey.turn.allocation.FiveTuple;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;

/**
 * The server's side of one client 5-tuple: a client address on a UDP listener socket, or one TCP/TLS connection.
 * It carries at most one allocation (RFC 8656 §2.2: an allocation is identified by its 5-tuple) and is used only on
 * its event loop. {@link #write} queues without flushing, so that a read batch is flushed once.
 */
public interface ClientConnection {

    FiveTuple fiveTuple();

    EventLoop eventLoop();

    ByteBufAllocator alloc();

    /** Whether the socket can take more now; when it cannot, data is dropped rather than queued without bound. */
    boolean isWritable();

    /** Queues a complete STUN or ChannelData message, taking ownership of {@code message}. */
    void write(ByteBuf message);

    /** Flushes what {@link #write} queued. */
    void flush();

    /** The allocation on this 5-tuple, or null. */
    Allocation allocation();

    /** Makes {@code allocation} the one of this 5-tuple (so that later packets find it). */
    void attach(Allocation allocation);

    /** Forgets {@code allocation} if it is the one of this 5-tuple. */
    void detach(Allocation allocation);

    /** The response cache of this 5-tuple's transactions. */
    TransactionCache transactions();

    /**
     * Asks for what was queued for {@code allocation} during the current read batch (on its relay socket, or for its
     * client when the batch relayed to it from another allocation) to be flushed when the batch ends.
     */
    void flushRelayLater(Allocation allocation);

    /**
     * Turns this TCP or TLS connection into an RFC 6062 client data connection joined to {@code peer} (a pending
     * peer data connection, not reading yet): from now on bytes are relayed both ways as they are, with no more
     * STUN framing. Called by ConnectionBind after its response was written; UDP clients never get here.
     */
    void spliceTo(Channel peer);
}
