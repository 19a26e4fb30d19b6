package dev.osprey.turn.api;

import dev.osprey.turn.server.TurnClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.EventExecutor;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A TURN server on loopback ports for tests: static user, REST secret, loopback peers allowed explicitly. */
final class LoopbackTurnServer implements AutoCloseable {
    static final String USER = "alice";
    static final String PASSWORD = "wonderland";
    static final String REST_SECRET = "north";
    static final String REALM = "osprey.test";
    final EventLoopGroup group;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final TurnConfig config;
    final TurnServer server;

    LoopbackTurnServer(UnaryOperator<TurnConfig.Builder> customize) throws IOException {
        this(customize, TurnClock.SYSTEM);
    }

    LoopbackTurnServer(UnaryOperator<TurnConfig.Builder> customize, TurnClock clock) throws IOException {
        this(customize, clock, false);
    }

    /** With {@code epoll}, the transport the server picks on Linux: epoll loops and channels, SO_REUSEPORT. */
    LoopbackTurnServer(UnaryOperator<TurnConfig.Builder> customize, TurnClock clock, boolean epoll)
            throws IOException {
        group = new MultiThreadIoEventLoopGroup(2, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        int relayStart = 40000 + (int) (ProcessHandle.current().pid() % 200) * 100;
        TurnConfig.Builder builder = TurnConfig.builder().enabled(true)
                .listenAddress(InetAddress.getLoopbackAddress())
                .relayAddresses(List.of(InetAddress.getLoopbackAddress()))
                .udpPort(FreePorts.udpAndTcp()).tlsPort(FreePorts.tcp())
                .realm(REALM).users(Map.of(USER, PASSWORD)).staticAuthSecret(REST_SECRET)
                .relayRange(relayStart, relayStart + 99)
                .perUserAllocationLimit(0)
                .allowRestrictedPeerCidrs(List.of("127.0.0.0/8"));
        config = customize.apply(builder).build();
        TurnTransport transport = epoll
                ? TurnTransport.of(group, EpollDatagramChannel.class, EpollServerSocketChannel.class)
                        .withReusePort(EpollChannelOption.SO_REUSEPORT)
                : TurnTransport.of(group, NioDatagramChannel.class, NioServerSocketChannel.class);
        server = new TurnServer(config, meters, transport, clock);
        server.start();
    }

    int udpPort() {
        return server.boundAddresses().get("UDP").getPort();
    }

    int tlsPort() {
        return server.boundAddresses().get("TLS").getPort();
    }

    double counter(String name, String... tags) {
        var search = meters.find(name).tags(tags);
        return search.counters().stream().mapToDouble(c -> c.count()).sum()
                + search.functionCounters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** Runs a sweep of every event loop at the clock's time now, and waits for it (and so for what was queued). */
    void sweepAll() {
        for (EventExecutor loop : group) {
            loop.submit(() -> server.services().registry().sweeperOf(loop).sweep(server.services().clock().nanoTime()))
                    .syncUninterruptibly();
        }
    }

    /** Waits until every event loop has run what was queued on it before this call. */
    void drainLoops() {
        for (EventExecutor loop : group) {
            loop.submit(() -> { }).syncUninterruptibly();
        }
    }

    @Override
    public void close() {
        server.stop();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
