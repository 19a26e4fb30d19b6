package dev.osprey.turn.net;

import dev.osprey.turn.metrics.TurnMetrics;
import dev.osprey.turn.server.Allocation;
import dev.osprey.turn.server.TcpRelaySockets;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.ServerChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.unix.Socket;
import io.netty.channel.unix.UnixChannel;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The TCP sockets of RFC 6062 allocations as Netty channels of the server's transport, all on the allocation's event
 * loop: the relayed address's listening socket (which also accepts on that loop) and outgoing peer connections bound
 * to the relayed port. Both kinds of socket set SO_REUSEADDR and, when the transport offers it, SO_REUSEPORT, which
 * Linux requires before a connecting socket may share the port of a listening one (on epoll the connecting socket
 * gets it on its descriptor, see {@link ReusePortBeforeBind}). Peer connections start with auto-read off and a
 * target-less {@link TcpSplice}.
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
        boolean unix = UnixChannel.class.isAssignableFrom(socketChannel);
        Bootstrap bootstrap = new Bootstrap().group(loop).channel(socketChannel)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel peerChannel) {
                        if (unix && reusePort.isPresent()) {
                            peerChannel.pipeline().addLast(new ReusePortBeforeBind());
                        }
                        peerChannel.pipeline().addLast(new TcpSplice(null, metrics::relayedToClient));
                    }
                });
        if (!unix) {
            reusePort.ifPresent(option -> bootstrap.option(option, true));
        }
        InetSocketAddress listening = (InetSocketAddress) allocation.relayChannel().localAddress();
        InetSocketAddress local = reusePort.isPresent() ? listening
                : new InetSocketAddress(listening.getAddress(), 0);
        return channelOf(bootstrap.connect(peer, local), loop);
    }

    /**
     * Sets SO_REUSEPORT on a native (epoll) socket just before it binds: Netty's epoll socket configuration does not
     * offer the option (only its server socket's does), and without it Linux refuses to bind a connecting socket to
     * the port of a listening one.
     */
    private static final class ReusePortBeforeBind extends ChannelOutboundHandlerAdapter {
        @Override
        public void connect(ChannelHandlerContext ctx, SocketAddress remote, SocketAddress local,
                            ChannelPromise promise) {
            try {
                ((Socket) ((UnixChannel) ctx.channel()).fd()).setReusePort(true);
            } catch (IOException e) {
                promise.setFailure(e);
                return;
            }
            ctx.pipeline().remove(this);
            ctx.connect(remote, local, promise);
        }
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
