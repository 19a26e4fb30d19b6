package dev.osprey.server;

import dev.osprey.server.config.OspreyConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.channel.EventLoopGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The composition root of a running process: picks the Netty transport, creates the event loops and the meter
 * registry, starts each {@link Service} in order and closes them in reverse. Start is all-or-nothing: if one part
 * fails to bind, the parts already started are closed before the error propagates.
 */
public final class OspreyServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OspreyServer.class);
    private static final long SHUTDOWN_QUIET_MILLIS = 100;
    private static final long SHUTDOWN_TIMEOUT_MILLIS = 5_000;

    private final OspreyConfig config;
    private final NettyTransport transport;
    private final PrometheusMeterRegistry registry;
    private final EventLoopGroup eventLoops;
    private final Deque<Service> started = new ArrayDeque<>();

    public OspreyServer(OspreyConfig config) {
        this.config = config;
        this.transport = NettyTransport.select();
        this.registry = Metrics.newRegistry();
        this.eventLoops = transport.newGroup(Runtime.getRuntime().availableProcessors());
        Metrics.bindEventLoops(registry, eventLoops);
    }

    public NettyTransport transport() {
        return transport;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Starts every configured part and returns what listens where. */
    public List<Listener> start() throws Exception {
        List<Listener> listeners = new ArrayList<>();
        try {
            for (Service service : services()) {
                listeners.addAll(service.start());
                started.push(service);
                log.atInfo().setMessage("service started").addKeyValue("service", service.name()).log();
            }
        } catch (Exception e) {
            close();
            throw e;
        }
        return listeners;
    }

    private List<Service> services() throws java.net.UnknownHostException {
        List<Service> services = new ArrayList<>();
        IceService ice = new IceService(config, eventLoops, transport, registry);
        services.add(ice);
        MediaService media = new MediaService(config, eventLoops, ice, registry);
        services.add(media);
        SignalingService signaling = new SignalingService(config, eventLoops, transport, registry, media);
        services.add(signaling);
        if (config.turn().enabled()) {
            services.add(new TurnService(config, eventLoops, transport, registry));
        }
        if (config.server().enabled()) {
            services.add(new ControlApiService(config, registry, signaling.roomService()));
        }
        if (config.prometheusPort() > 0) {
            services.add(new MetricsService(registry,
                    new InetSocketAddress(config.bindAddress(), config.prometheusPort())));
        }
        return services;
    }

    /** Closes in reverse start order, then the event loops, within a bounded time. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            Service service = started.pop();
            try {
                service.close();
            } catch (RuntimeException e) {
                log.atWarn().setMessage("service did not close cleanly").addKeyValue("service", service.name())
                        .setCause(e).log();
            }
        }
        eventLoops.shutdownGracefully(SHUTDOWN_QUIET_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS + 1_000);
        registry.close();
    }
}
