package dev.osprey.ice;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An ICE-lite agent (RFC 8445 §2.5) for many transports on one UDP port, optionally a UDP port range, and one
 * ICE-TCP passive port (RFC 6544, RFC 4571 framing). Transports are registered by their local credentials; the
 * first check of a transport finds it by the ufrag in USERNAME, later packets by 5-tuple. The agent only answers
 * checks, never sends them; it keeps consent per pair from the checks it receives (RFC 7675).
 *
 * <p>{@link #start()} binds the sockets on the caller's thread (never call it on an event loop); the server may
 * instead put {@link #newUdpHandler()} and {@link #newTcpChannelInitializer()} on channels it binds itself.
 */
public final class IceLiteAgent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IceLiteAgent.class);
    private static final int MAX_TCP_FRAME = 2 + 0xFFFF;

    private final IceSettings settings;
    private final IceNetwork network;
    private final IceMetrics metrics;
    private final UfragTable ufrags = new UfragTable();
    private final BindingHandler bindings;
    private final AgentContext context;
    private final Set<LiteTransport> transports = ConcurrentHashMap.newKeySet();
    private final List<Channel> channels = new CopyOnWriteArrayList<>();
    private final List<ScheduledFuture<?>> sweeps = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextRangePort = new AtomicInteger();
    private volatile List<InetAddress> addresses;
    private volatile List<Integer> rangePorts = List.of();
    private volatile int udpPort;
    private volatile int tcpPort;

    public IceLiteAgent(IceSettings settings, IceNetwork network, MeterRegistry registry, Clock clock) {
        this.settings = settings;
        this.network = network;
        this.metrics = new IceMetrics(registry);
        this.bindings = new BindingHandler(ufrags, metrics, new ErrorResponseBudget(settings.errorResponsesPerSecond()),
                clock, settings.software());
        this.context = new AgentContext(ufrags, metrics, clock, settings.consentTimeout().toMillis(),
                settings.maxPairsPerTransport(), this::onTransportClosed);
        this.udpPort = settings.udpPort();
        this.tcpPort = settings.tcpPort();
    }

    /** Binds the UDP port(s) and the TCP port and starts the consent sweeps. */
    public synchronized void start() {
        if (!channels.isEmpty()) {
            throw new IllegalStateException("already started");
        }
        InetAddress bind = HostAddresses.literal(settings.bindAddress());
        addresses = HostAddresses.advertised(settings);
        udpPort = bindUdp(bind, settings.udpPort());
        if (settings.hasUdpPortRange()) {
            List<Integer> ports = new ArrayList<>();
            for (int port = settings.udpPortRangeStart(); port <= settings.udpPortRangeEnd(); port++) {
                ports.add(port == udpPort ? port : bindUdp(bind, port));
            }
            rangePorts = List.copyOf(ports);
        }
        if (settings.tcpEnabled()) {
            Channel server = new ServerBootstrap().group(network.group(), network.group())
                    .channel(network.tcpServerChannelClass())
                    .childHandler(newTcpChannelInitializer())
                    .bind(bind, settings.tcpPort()).syncUninterruptibly().channel();
            channels.add(server);
            tcpPort = ((InetSocketAddress) server.localAddress()).getPort();
        }
        long every = settings.consentSweepInterval().toMillis();
        for (EventExecutor executor : network.group()) {
            sweeps.add(executor.scheduleAtFixedRate(() -> sweep(executor), every, every, TimeUnit.MILLISECONDS));
        }
        log.atInfo().addKeyValue("udpPort", udpPort).addKeyValue("tcpPort", settings.tcpEnabled() ? tcpPort : -1)
                .addKeyValue("addresses", addresses).log("ICE-lite agent started");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private int bindUdp(InetAddress bind, int port) {
        int actual = port;
        for (int i = 0; i < network.udpChannelsPerPort(); i++) {
            Bootstrap b = new Bootstrap().group(network.group()).channel(network.udpChannelClass())
                    .handler(newUdpHandler());
            for (Map.Entry<ChannelOption<?>, Object> option : network.udpOptions().entrySet()) {
                b.option((ChannelOption) option.getKey(), option.getValue());
            }
            Channel ch = b.bind(bind, actual).syncUninterruptibly().channel();
            channels.add(ch);
            actual = ((InetSocketAddress) ch.localAddress()).getPort();
        }
        return actual;
    }

    /** A demultiplexer for one UDP channel the caller binds (one instance per channel). */
    public ChannelHandler newUdpHandler() {
        return new UdpMuxHandler(bindings, metrics);
    }

    /** The pipeline of one accepted ICE-TCP connection: RFC 4571 framing and the check/media handler. */
    public ChannelInitializer<Channel> newTcpChannelInitializer() {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(
                        new LengthFieldBasedFrameDecoder(MAX_TCP_FRAME, 0, 2, 0, 2),
                        new LengthFieldPrepender(2),
                        new IceTcpHandler(bindings, metrics, settings.tcpAuthTimeout()));
            }
        };
    }

    /** Registers a transport on an event loop of the agent's group. */
    public IceTransport createTransport(IceCredentials credentials, IceTransportListener listener) {
        return createTransport(credentials, listener, network.group().next());
    }

    /**
     * Registers a transport whose state and callbacks live on {@code loop} (put media-core's per-peer work there).
     *
     * @throws IllegalArgumentException if another transport already uses the ufrag
     */
    public IceTransport createTransport(IceCredentials credentials, IceTransportListener listener, EventLoop loop) {
        LiteTransport t = new LiteTransport(context, credentials, listener, loop, candidates());
        transports.add(t);
        metrics.transportAdded();
        log.atInfo().addKeyValue("ufrag", credentials.ufrag()).log("ICE transport created");
        return t;
    }

    /** Host candidates for a new transport: every advertised address on its UDP port, and on the TCP port. */
    private List<IceCandidate> candidates() {
        List<InetAddress> list = addresses != null ? addresses : HostAddresses.advertised(settings);
        List<Integer> range = rangePorts;
        int port = range.isEmpty() ? udpPort : range.get(Math.floorMod(nextRangePort.getAndIncrement(), range.size()));
        List<IceCandidate> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(IceCandidate.host(TransportProtocol.UDP, new InetSocketAddress(list.get(i), port), i));
        }
        if (settings.tcpEnabled()) {
            for (int i = 0; i < list.size(); i++) {
                out.add(IceCandidate.host(TransportProtocol.TCP, new InetSocketAddress(list.get(i), tcpPort), i));
            }
        }
        return out;
    }

    private void onTransportClosed(LiteTransport t) {
        if (transports.remove(t)) {
            metrics.transportRemoved();
        }
    }

    private void sweep(EventExecutor executor) {
        long now = context.clock().millis();
        for (LiteTransport t : transports) {
            if (t.eventLoop() == executor) {
                t.sweep(now);
            }
        }
    }

    /** Runs the consent sweep now on every transport's loop; completes when all are done. For tests. */
    CompletableFuture<Void> sweepConsent() {
        List<CompletableFuture<Void>> done = new ArrayList<>();
        Set<EventLoop> loops = ConcurrentHashMap.newKeySet();
        for (LiteTransport t : transports) {
            loops.add(t.eventLoop());
        }
        for (EventLoop loop : loops) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            loop.execute(() -> {
                sweep(loop);
                f.complete(null);
            });
            done.add(f);
        }
        return CompletableFuture.allOf(done.toArray(CompletableFuture[]::new));
    }

    /** The bound UDP sockets' addresses (after {@link #start()}). */
    public List<InetSocketAddress> udpLocalAddresses() {
        List<InetSocketAddress> out = new ArrayList<>();
        for (Channel ch : channels) {
            if (ch instanceof io.netty.channel.socket.DatagramChannel) {
                out.add((InetSocketAddress) ch.localAddress());
            }
        }
        return out;
    }

    /** The bound ICE-TCP listening address, or {@code null} if TCP is off or the agent is not started. */
    public InetSocketAddress tcpLocalAddress() {
        for (Channel ch : channels) {
            if (ch instanceof io.netty.channel.socket.ServerSocketChannel) {
                return (InetSocketAddress) ch.localAddress();
            }
        }
        return null;
    }

    public int transportCount() {
        return transports.size();
    }

    /** Closes every transport and socket. Call from outside the event loops. */
    @Override
    public synchronized void close() {
        sweeps.forEach(f -> f.cancel(false));
        sweeps.clear();
        transports.forEach(LiteTransport::close);
        for (Channel ch : channels) {
            ch.close().syncUninterruptibly();
        }
        channels.clear();
    }
}
