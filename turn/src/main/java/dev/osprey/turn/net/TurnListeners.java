package dev.osprey.turn.net;

import dev.osprey.turn.allocation.TransportProtocol;
import dev.osprey.turn.api.TurnTransport;
import dev.osprey.turn.frame.TurnStreamFrameDecoder;
import dev.osprey.turn.metrics.TurnMetrics;
import dev.osprey.turn.server.AllocationRegistry;
import dev.osprey.turn.server.TurnMessageDispatcher;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.concurrent.EventExecutor;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The listening sockets of the relay: UDP on the TURN port (one socket per event loop with SO_REUSEPORT, else one),
 * TCP on the same port, TLS on the TLS port. A stream connection's pipeline is [TLS,] framer, connection handler.
 * Binding waits, so it runs on the caller's thread, never on an event loop.
 */
public final class TurnListeners {
    private static final int SOCKET_BUFFER_BYTES = 4 * 1024 * 1024;
    private final TurnTransport transport;
    private final TurnMessageDispatcher dispatcher;
    private final AllocationRegistry registry;
    private final TurnMetrics metrics;
    private final List<Channel> channels = new ArrayList<>();
    private final ChannelGroup connections = new DefaultChannelGroup("turn-connections", GlobalEventExecutor.INSTANCE);
    private final Map<String, InetSocketAddress> bound = new LinkedHashMap<>();

    public TurnListeners(TurnTransport transport, TurnMessageDispatcher dispatcher, AllocationRegistry registry,
                         TurnMetrics metrics) {
        this.transport = transport;
        this.dispatcher = dispatcher;
        this.registry = registry;
        this.metrics = metrics;
    }

    /**
     * Binds the UDP listener socket(s) on {@code address}.
     *
     * @throws IllegalStateException when the port cannot be bound
     */
    public void bindUdp(InetSocketAddress address) {
        int sockets = transport.reusePort().isPresent() ? loopCount() : 1;
        for (int i = 0; i < sockets; i++) {
            Bootstrap bootstrap = new Bootstrap().group(transport.group()).channel(transport.datagramChannel())
                    .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER_BYTES)
                    .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER_BYTES)
                    .option(ChannelOption.RCVBUF_ALLOCATOR, NettyRelaySockets.datagramAllocator())
                    .option(ChannelOption.WRITE_BUFFER_WATER_MARK, NettyRelaySockets.WRITE_WATER_MARK)
                    .handler(new UdpListenerHandler(dispatcher));
            transport.reusePort().ifPresent(option -> bootstrap.option(option, true));
            NettyRelaySockets.applyOptions(bootstrap, transport.datagramOptions());
            Channel channel = await(bootstrap.bind(address), "UDP", address);
            bound.putIfAbsent("UDP", (InetSocketAddress) channel.localAddress());
        }
    }

    /**
     * Binds a TCP listener on {@code address}, with TLS when {@code tls} is present.
     *
     * @throws IllegalStateException when the port cannot be bound
     */
    public void bindStream(InetSocketAddress address, TransportProtocol protocol, Optional<ReloadableSslContext> tls) {
        ServerBootstrap bootstrap = new ServerBootstrap().group(transport.group()).channel(transport.serverChannel())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        connections.add(ch);
                        tls.ifPresent(context -> ch.pipeline().addLast(context.current().newHandler(ch.alloc())));
                        ch.pipeline().addLast(new TurnStreamFrameDecoder());
                        ch.pipeline().addLast(new StreamConnectionHandler(dispatcher, registry, protocol, metrics));
                    }
                });
        Channel channel = await(bootstrap.bind(address), protocol.name(), address);
        bound.put(protocol.name(), (InetSocketAddress) channel.localAddress());
    }

    /** Where each listener is bound, by transport name. */
    public Map<String, InetSocketAddress> boundAddresses() {
        return Map.copyOf(bound);
    }

    /** Closes every listener and every accepted connection (deleting their allocations), and waits. */
    public void close() {
        for (Channel channel : channels) {
            channel.close().syncUninterruptibly();
        }
        channels.clear();
        connections.close().awaitUninterruptibly();
    }

    private Channel await(ChannelFuture future, String what, InetSocketAddress address) {
        future.awaitUninterruptibly();
        if (!future.isSuccess()) {
            throw new IllegalStateException("cannot bind TURN " + what + " listener on " + address, future.cause());
        }
        channels.add(future.channel());
        return future.channel();
    }

    private int loopCount() {
        int count = 0;
        for (EventExecutor ignored : transport.group()) {
            count++;
        }
        return Math.max(1, count);
    }
}
