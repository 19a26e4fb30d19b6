package dev.osprey.turn.server;

import dev.osprey.turn.metrics.DropReason;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The RFC 6062 side of one TCP allocation: its peer data connections by peer address, whether a Connect made them
 * (§5.2) or the peer connected to the relayed transport address (§5.3). Owned by the allocation's event loop, which
 * is also the loop of every peer data connection, so plain collections suffice. A peer connection that no
 * ConnectionBind claimed within {@link #BIND_TIMEOUT_SECONDS} is closed by the loop's once-a-second sweep; deleting the
 * allocation closes them all, and with them their client data connections.
 */
public final class TcpRelay {
    /** RFC 6062 §5.2, §5.3: how long a peer data connection waits for its ConnectionBind. */
    public static final long BIND_TIMEOUT_SECONDS = 30;
    /** Peer data connections one allocation may hold at once; more would let one client pin the server's sockets. */
    static final int MAX_PEER_CONNECTIONS = 64;
    private static final long BIND_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(BIND_TIMEOUT_SECONDS);
    private final Allocation allocation;
    private final TurnServices services;
    private final Map<InetSocketAddress, PeerConnection> byPeer = new HashMap<>();

    TcpRelay(Allocation allocation, TurnServices services) {
        this.allocation = allocation;
        this.services = services;
    }

    /** Whether a connection to {@code peer} is being made, waits for its bind, or is relaying (446 for Connect). */
    boolean hasConnectionTo(InetSocketAddress peer) {
        return byPeer.containsKey(peer);
    }

    boolean isFull() {
        return byPeer.size() >= MAX_PEER_CONNECTIONS;
    }

    /** The peer data connections of this allocation, in any state but closed. */
    public List<PeerConnection> connections() {
        return List.copyOf(byPeer.values());
    }

    /** A Connect to {@code peer} begins (§5.2). */
    PeerConnection connecting(InetSocketAddress peer) {
        PeerConnection connection = new PeerConnection(allocation, peer);
        byPeer.put(peer, connection);
        return connection;
    }

    /** A Connect's outgoing connection failed: forget it so that the client may try again. */
    void connectFailed(PeerConnection connection) {
        if (connection.markClosed()) {
            byPeer.remove(connection.peer(), connection);
        }
    }

    /** The connection to the peer is up: it gets its CONNECTION-ID and waits for a ConnectionBind; returns the ID. */
    long established(PeerConnection connection, Channel channel) {
        long id = services.pendingConnections().register(connection);
        connection.established(channel, id, services.clock().nanoTime());
        services.metrics().peerConnections().incrementAndGet();
        channel.closeFuture().addListener(f -> closed(connection));
        return id;
    }

    /**
     * A peer connected to the relayed transport address (§5.3): without a permission for its IP address (or beyond
     * the per-allocation limit) it is closed at once; otherwise it waits for a ConnectionBind and the client learns of
     * it through a ConnectionAttempt indication on the control connection.
     */
    public void accepted(Channel channel) {
        InetSocketAddress peer = (InetSocketAddress) channel.remoteAddress();
        if (allocation.state() != Allocation.State.LIVE || peer == null) {
            channel.close();
            services.metrics().dropped(DropReason.NO_ALLOCATION);
            return;
        }
        boolean permitted = allocation.permissions().permits(peer.getAddress());
        if (!permitted || isFull()) {
            channel.close();
            services.metrics().dropped(permitted ? DropReason.BACKPRESSURE : DropReason.NO_PERMISSION);
            return;
        }
        PeerConnection connection = new PeerConnection(allocation, peer);
        byPeer.put(peer, connection);
        long id = established(connection, channel);
        ClientConnection client = allocation.client();
        ByteBuf indication = ConnectionAttempt.encode(client.alloc(), peer, id);
        client.write(indication);
        client.flush();
    }

    /** Closes the pending connections whose ConnectionBind did not come in time (§5.3). */
    void expirePending(long nowNanos) {
        for (PeerConnection connection : connections()) {
            if (connection.bindTimedOut(nowNanos, BIND_TIMEOUT_NANOS)
                    && services.pendingConnections().take(connection)) {
                connection.channel().close();
            }
        }
    }

    /** Closes every peer data connection (the allocation is being deleted). */
    void closeAll() {
        for (PeerConnection connection : connections()) {
            if (connection.channel() != null) {
                connection.channel().close();
            } else {
                connectFailed(connection); // still connecting: the Connect handler closes the channel when it comes
            }
        }
    }

    private void closed(PeerConnection connection) {
        if (connection.markClosed()) {
            byPeer.remove(connection.peer(), connection);
            services.pendingConnections().take(connection);
            services.metrics().peerConnections().decrementAndGet();
        }
    }
}
