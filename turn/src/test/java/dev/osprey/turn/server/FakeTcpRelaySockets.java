package dev.osprey.turn.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.EventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.Future;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * RFC 6062 sockets in memory: a "listening" channel per TCP allocation, whose acceptor the test calls with a fake
 * peer connection, and outgoing connections that succeed at once, except to {@link #REFUSING_PORT}.
 */
final class FakeTcpRelaySockets implements TcpRelaySockets {
    /** Connects to this peer port fail, as to a closed port. */
    static final int REFUSING_PORT = 6666;
    final List<Consumer<Channel>> acceptors = new ArrayList<>();
    final List<EmbeddedChannel> channels = new ArrayList<>();
    private final EventLoop loop;

    FakeTcpRelaySockets(EventLoop loop) {
        this.loop = loop;
    }

    @Override
    public Future<Channel> listen(Allocation allocation, InetSocketAddress bindAddress, Consumer<Channel> accepted) {
        acceptors.add(accepted);
        EmbeddedChannel listener = new PeerChannel(bindAddress, null);
        channels.add(listener);
        return loop.newSucceededFuture(listener);
    }

    @Override
    public Future<Channel> connect(Allocation allocation, InetSocketAddress peer) {
        if (peer.getPort() == REFUSING_PORT) {
            return loop.newFailedFuture(new ConnectException("connection refused"));
        }
        PeerChannel channel = new PeerChannel(allocation.relayAddress(), peer);
        channels.add(channel);
        return loop.newSucceededFuture(channel);
    }

    /** A peer connecting to the relayed address of the {@code index}-th TCP allocation. */
    PeerChannel accept(int index, InetSocketAddress peer) {
        PeerChannel channel = new PeerChannel(null, peer);
        channels.add(channel);
        acceptors.get(index).accept(channel);
        return channel;
    }

    void close() {
        channels.forEach(EmbeddedChannel::finishAndReleaseAll);
    }

    /** An embedded channel with the addresses of a TCP connection, not reading until told to. */
    static final class PeerChannel extends EmbeddedChannel {
        private final SocketAddress local;
        private final SocketAddress remote;

        PeerChannel(SocketAddress local, SocketAddress remote, ChannelHandler... handlers) {
            super(handlers);
            this.local = local;
            this.remote = remote;
            config().setAutoRead(false);
        }

        @Override
        protected SocketAddress localAddress0() {
            return local;
        }

        @Override
        protected SocketAddress remoteAddress0() {
            return remote;
        }
    }
}
