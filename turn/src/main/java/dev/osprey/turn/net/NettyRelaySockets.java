package dev.osprey.turn.net;

import dev.osprey.turn.metrics.TurnMetrics;
import dev.osprey.turn.server.Allocation;
import dev.osprey.turn.server.RelaySocketFactory;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.socket.DatagramChannel;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * Opens relay sockets as Netty datagram channels of the server's chosen transport (epoll or NIO), registered on the
 * event loop of the allocation's client connection, so that the allocation, its client socket and its relay socket
 * share one thread.
 */
public final class NettyRelaySockets implements RelaySocketFactory {
    /** Datagrams up to a jumbo frame are read whole; anything bigger is truncated and then dropped as malformed. */
    static final int MAX_DATAGRAM_BYTES = 9216;
    private final Class<? extends DatagramChannel> channelClass;
    private final Map<ChannelOption<?>, Object> options;
    private final TurnMetrics metrics;

    public NettyRelaySockets(Class<? extends DatagramChannel> channelClass, Map<ChannelOption<?>, Object> options,
                             TurnMetrics metrics) {
        this.channelClass = channelClass;
        this.options = Map.copyOf(options);
        this.metrics = metrics;
    }

    @Override
    public Future<Channel> open(Allocation allocation, InetSocketAddress bindAddress) {
        EventLoop loop = allocation.client().eventLoop();
        Bootstrap bootstrap = new Bootstrap().group(loop).channel(channelClass)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM_BYTES))
                .handler(new PeerRelayHandler(allocation, metrics));
        applyOptions(bootstrap, options);
        ChannelFuture bound = bootstrap.bind(bindAddress);
        Promise<Channel> result = loop.newPromise();
        bound.addListener(f -> {
            if (f.isSuccess()) {
                result.setSuccess(bound.channel());
            } else {
                result.setFailure(f.cause());
            }
        });
        return result;
    }

    @SuppressWarnings("unchecked")
    static void applyOptions(Bootstrap bootstrap, Map<ChannelOption<?>, Object> options) {
        options.forEach((option, value) -> bootstrap.option((ChannelOption<Object>) option, value));
    }
}
