package dev.osprey.turn.net;

import dev.osprey.turn.metrics.TurnMetrics;
import dev.osprey.turn.server.Allocation;
import dev.osprey.turn.server.TcpRelaySockets;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.ServerChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The TCP sockets of RFC 6062 allocations as Netty channels of the server's transport, all on the allocation's event
 * loop: the relayed address's listening socket (which also accepts on that loop) and outgoing peer connections bound
 * to the relayed port. Both kinds of socket set SO_REUSEADDR and, when the transport offers it, SO_REUSEPORT, which
 * Linux requires before a connecting socket may share the port of a listening one. Peer connections start with
 * auto-read off and a target-less {@link TcpSplice}.
 */
public final class NettyTcpRelaySockets implements TcpRelaySockets {
    /** RFC 6062 §5.2: the connect timeout must be at least 30 seconds. */
    static final int CONNECT_TIMEOUT_MILLIS = 30_000;
    private final Class<? extends ServerChannel> serverChannel;
    private final Class<? extends SocketChannel> socketChannel;
    private final Optional<ChannelOption<Boolean>> reusePort;
    private final TurnMetrics metrics;

    public NettyTcpRelaySockets(Class<? extends ServerChannel> serverChannel,
                                Class<? extends SocketChannel> socketChannel,
                                Optional<ChannelOption<Boolean>> reusePort, TurnMetrics metrics) {
        this.serverChannel = serverChannel;
        this.socketChannel = socketChannel;
        this.reusePort = reusePort;
        this.metrics = metrics;
    }

    @Override
    public Future<Channel> listen(Allocation allocation, InetSocketAddress bindAddress, Consumer<Channel> accepted) {
        EventLoop loop = allocation.client().eventLoop();
        ServerBootstrap bootstrap = new ServerBootstrap().group(loop, loop).channel(serverChannel)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel peer) {
                        peer.pipeline().addLast(new TcpSplice(null, metrics::relayedToClient));
                        accepted.accept(peer);
                    }
                });
        reusePort.ifPresent(option -> bootstrap.option(option, true));
        return channelOf(bootstrap.bind(bindAddress), loop);
    }

    @Override
    public Future<Channel> connect(Allocation allocation, InetSocketAddress peer) {
        EventLoop loop = allocation.client().eventLoop();
        Bootstrap bootstrap = new Bootstrap().group(loop).channel(socketChannel)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .handler(new TcpSplice(null, metrics::relayedToClient));
        InetSocketAddress listening = (InetSocketAddress) allocation.relayChannel().localAddress();
        InetSocketAddress local = reusePort.isPresent() ? listening
                : new InetSocketAddress(listening.getAddress(), 0);
        reusePort.ifPresent(option -> bootstrap.option(option, true));
        return channelOf(bootstrap.connect(peer, local), loop);
    }

    private static Future<Channel> channelOf(ChannelFuture future, EventLoop loop) {
        Promise<Channel> result = loop.newPromise();
        future.addListener(f -> {
            if (f.isSuccess()) {
                result.setSuccess(future.channel());
            } else {
                future.channel().close();
                result.setFailure(f.cause());
            }
        });
        return result;
    }
}
