package dev.osprey.turn.server;

import io.netty.channel.Channel;
import io.netty.util.concurrent.Future;

import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * Opens the TCP sockets of RFC 6062 allocations on the allocation's own event loop: the listening socket of the
 * relayed transport address, and outgoing connections from that address to peers. Every connection it hands out has
 * auto-read off, so nothing is read before a client data connection is bound to it. The network layer implements
 * it; handler tests use a fake.
 */
public interface TcpRelaySockets {

    /**
     * Listens on {@code bindAddress} for {@code allocation}; each accepted connection is given to {@code accepted}
     * on the allocation's event loop. The future fails when the port is taken; the caller then tries another one.
     */
    Future<Channel> listen(Allocation allocation, InetSocketAddress bindAddress, Consumer<Channel> accepted);

    /**
     * Connects from {@code allocation}'s relayed port to {@code peer}, giving up after at least 30 seconds (RFC 6062
     * §5.2). The future completes on the allocation's event loop.
     */
    Future<Channel> connect(Allocation allocation, InetSocketAddress peer);
}
