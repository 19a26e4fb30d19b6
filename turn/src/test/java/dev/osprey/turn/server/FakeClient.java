package dev.osprey.turn.server;

import dev.osprey.turn.allocation.FiveTuple;
import dev.osprey.turn.allocation.TransportProtocol;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/** A client 5-tuple in memory: what the server writes to it is queued for the test to read (and release). */
final class FakeClient implements ClientConnection {
    private final FiveTuple fiveTuple;
    private final EventLoop loop;
    private final TransactionCache transactions = new TransactionCache(64, TransactionCache.DEFAULT_TTL_NANOS);
    private final Queue<ByteBuf> written = new ArrayDeque<>();
    private final List<Allocation> relaysToFlush = new ArrayList<>();
    private Allocation allocation;
    boolean writable = true;
    /** The peer data connection a ConnectionBind joined this client to, if any. */
    Channel splicedTo;
    int flushes;

    FakeClient(InetSocketAddress client, InetSocketAddress server, TransportProtocol protocol, EventLoop loop) {
        this.fiveTuple = new FiveTuple(client, server, protocol);
        this.loop = loop;
    }

    @Override
    public FiveTuple fiveTuple() {
        return fiveTuple;
    }

    @Override
    public EventLoop eventLoop() {
        return loop;
    }

    @Override
    public ByteBufAllocator alloc() {
        return UnpooledByteBufAllocator.DEFAULT;
    }

    @Override
    public boolean isWritable() {
        return writable;
    }

    @Override
    public void write(ByteBuf message) {
        written.add(message);
    }

    @Override
    public void flush() {
        flushes++;
    }

    @Override
    public Allocation allocation() {
        return allocation;
    }

    @Override
    public void attach(Allocation allocation) {
        this.allocation = allocation;
    }

    @Override
    public void detach(Allocation allocation) {
        if (this.allocation == allocation) {
            this.allocation = null;
        }
    }

    @Override
    public TransactionCache transactions() {
        return transactions;
    }

    @Override
    public void flushRelayLater(Allocation allocation) {
        relaysToFlush.add(allocation);
    }

    @Override
    public void spliceTo(Channel peer) {
        splicedTo = peer;
    }

    /** What a listener does at the end of a read batch. */
    void endOfReadBatch() {
        relaysToFlush.forEach(Allocation::flushPending);
        relaysToFlush.clear();
    }

    /** The next message the server wrote, or null; the caller releases it. */
    ByteBuf poll() {
        return written.poll();
    }

    void releaseAll() {
        for (ByteBuf buf; (buf = written.poll()) != null; ) {
            buf.release();
        }
    }
}
