package dev.osprey.turn.server;

import io.netty.channel.Channel;

import java.net.InetSocketAddress;

/**
 * One peer data connection of a TCP allocation (RFC 6062 §2, §5.2, §5.3): a TCP connection between the relayed
 * transport address and a peer, made by a Connect request or accepted from the peer. It is pending until a client data
 * connection binds it with ConnectionBind, and closed if that has not happened after
 * {@link TcpRelay#BIND_TIMEOUT_SECONDS}. Until then it does not read, so the peer's bytes wait in the socket's receive
 * buffer and TCP flow control (the advertised window) holds the peer back, as §5.2/§5.3 ask.
 *
 * <p>State changes happen on the allocation's event loop, which is also the loop of {@link #channel()}; the fields
 * read from other loops (allocation, peer, channel, id) are set before the connection is published in
 * {@link PendingPeerConnections}.
 */
public final class PeerConnection {
    private final Allocation allocation;
    private final InetSocketAddress peer;
    private Channel channel;
    private long id;
    private long pendingSinceNanos;
    private State state = State.CONNECTING;

    PeerConnection(Allocation allocation, InetSocketAddress peer) {
        this.allocation = allocation;
        this.peer = peer;
    }

    public Allocation allocation() {
        return allocation;
    }

    /** The peer's transport address. */
    public InetSocketAddress peer() {
        return peer;
    }

    /** The TCP connection to the peer; null while a Connect is still connecting. */
    public Channel channel() {
        return channel;
    }

    /** The CONNECTION-ID, 0 before the connection is established. */
    public long id() {
        return id;
    }

    public State state() {
        return state;
    }

    /** The TCP connection is up and waits for a ConnectionBind under {@code id}. */
    void established(Channel channel, long id, long nowNanos) {
        this.channel = channel;
        this.id = id;
        this.pendingSinceNanos = nowNanos;
        this.state = State.PENDING;
    }

    /** A client data connection was joined to it; from now on bytes flow. */
    void bound() {
        if (state == State.PENDING) {
            state = State.BOUND;
        }
    }

    /** Whether it is still waiting for its ConnectionBind at {@code nowNanos} after the timeout. */
    boolean bindTimedOut(long nowNanos, long timeoutNanos) {
        return state == State.PENDING && nowNanos - pendingSinceNanos >= timeoutNanos;
    }

    /** Marks it closed; false when it already was. */
    boolean markClosed() {
        if (state == State.CLOSED) {
            return false;
        }
        state = State.CLOSED;
        return true;
    }

    /** Where a peer data connection is in its life. */
    public enum State {
        /** Connect request in progress: the outgoing TCP connection is not up yet. */
        CONNECTING,
        /** Up, reading nothing, waiting for a ConnectionBind. */
        PENDING,
        /** Joined to a client data connection; bytes are relayed both ways. */
        BOUND,
        /** Closed, with every trace of it removed. */
        CLOSED
    }

    @Override
    public String toString() {
        return "PeerConnection[" + id + " " + peer + " " + state + "]";
    }
}
