package dev.osprey.turn.net;

import dev.osprey.turn.metrics.TurnMetrics;
import dev.osprey.turn.server.Allocation;
import dev.osprey.turn.server.PeerDataRelay;
import dev.osprey.turn.server.RelaySocketFactory;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;
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
    /** Datagrams read per wake-up of a socket before the loop serves the others. */
    static final int MAX_MESSAGES_PER_READ = 64;
    /**
     * How much a datagram socket may queue before the relay drops instead of queueing: a whole read batch of the
     * largest datagrams fits, since a batch is flushed once at its end (Netty's 64 KiB default would drop after about
     * 60 datagrams of a batch).
     */
    static final WriteBufferWaterMark WRITE_WATER_MARK = new WriteBufferWaterMark(
            MAX_MESSAGES_PER_READ * MAX_DATAGRAM_BYTES, 2 * MAX_MESSAGES_PER_READ * MAX_DATAGRAM_BYTES);
    private final Class<? extends DatagramChannel> channelClass;
    private final Map<ChannelOption<?>, Object> options;
    private final PeerDataRelay peerData;

    public NettyRelaySockets(Class<? extends DatagramChannel> channelClass, Map<ChannelOption<?>, Object> options,
                             TurnMetrics metrics) {
        this.channelClass = channelClass;
        this.options = Map.copyOf(options);
        this.peerData = new PeerDataRelay(metrics);
    }

    @Override
    public Future<Channel> open(Allocation allocation, InetSocketAddress bindAddress) {
        EventLoop loop = allocation.client().eventLoop();
        Bootstrap bootstrap = new Bootstrap().group(loop).channel(channelClass)
                .option(ChannelOption.RCVBUF_ALLOCATOR, datagramAllocator())
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WRITE_WATER_MARK)
                .handler(new PeerRelayHandler(allocation, peerData));
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

    /**
     * Whole datagrams up to {@link #MAX_DATAGRAM_BYTES}, up to {@link #MAX_MESSAGES_PER_READ} per wake-up. Netty's
     * {@code FixedRecvByteBufAllocator} reads one message per wake-up unless told otherwise, and its epoll transport is
     * level-triggered, so without this every queued datagram costs a trip through {@code epoll_wait}.
     */
    static RecvByteBufAllocator datagramAllocator() {
        FixedRecvByteBufAllocator allocator = new FixedRecvByteBufAllocator(MAX_DATAGRAM_BYTES);
        allocator.maxMessagesPerRead(MAX_MESSAGES_PER_READ);
        return allocator;
    }

    @SuppressWarnings("unchecked")
    static void applyOptions(Bootstrap bootstrap, Map<ChannelOption<?>, Object> options) {
        options.forEach((option, value) -> bootstrap.option((ChannelOption<Object>) option, value));
    }
}
