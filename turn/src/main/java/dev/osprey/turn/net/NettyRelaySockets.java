package dev.osprey.turn.net;

import dev.osprey.turn.metrics.TurnMetrics;
import dev.osprey.turn.server.Allocation;
import dev.osprey.turn.server.RelaySocketFactory;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
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
    /**
     * Receive buffer of relay sockets: room for a burst of a few hundred datagrams while the
     * event loop serves other sockets (Linux's 208 KiB default dropped datagrams of flat-out senders in the coturn
     * benchmark). Linux caps it at {@code net.core.rmem_max}.
     */
    static final int SOCKET_RECEIVE_BUFFER_BYTES = 1024 * 1024;
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
        Bootstrap bootstrap = datagramBootstrap(options, SOCKET_RECEIVE_BUFFER_BYTES)
                .group(loop).channel(channelClass)
                .handler(new PeerRelayHandler(allocation, metrics));
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
     * The settings every relay UDP socket shares: batched reads ({@link #datagramAllocator()}), a write water mark
     * that holds a batch, {@code receiveBuffer} bytes of socket receive buffer, the transport's extra options, and
     * Netty's pooled allocator: a received datagram lives until it is relayed on the same event loop, which that
     * allocator's per-thread caches serve without locking (measured cheaper per packet than Netty 4.2's default
     * adaptive allocator in {@code benchmarks/turn-vs-coturn.sh}).
     */
    static Bootstrap datagramBootstrap(Map<ChannelOption<?>, Object> options, int receiveBuffer) {
        Bootstrap bootstrap = new Bootstrap()
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .option(ChannelOption.RCVBUF_ALLOCATOR, datagramAllocator())
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WRITE_WATER_MARK)
                .option(ChannelOption.SO_RCVBUF, receiveBuffer);
        applyOptions(bootstrap, options);
        return bootstrap;
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
