package dev.osprey.turn.api;

import dev.osprey.turn.allocation.AllocationQuota;
import dev.osprey.turn.allocation.RelayPortAllocator;
import dev.osprey.turn.allocation.TransportProtocol;
import dev.osprey.turn.auth.CredentialChain;
import dev.osprey.turn.auth.CredentialSource;
import dev.osprey.turn.auth.LiveKitCredentials;
import dev.osprey.turn.auth.NonceIssuer;
import dev.osprey.turn.auth.StaticUserCredentials;
import dev.osprey.turn.auth.TurnRestCredentials;
import dev.osprey.turn.metrics.TurnMetrics;
import dev.osprey.turn.net.NettyRelaySockets;
import dev.osprey.turn.net.NettyTcpRelaySockets;
import dev.osprey.turn.net.ReloadableSslContext;
import dev.osprey.turn.net.TurnListeners;
import dev.osprey.turn.policy.PeerAddressPolicy;
import dev.osprey.turn.server.AllocationRegistry;
import dev.osprey.turn.server.PendingPeerConnections;
import dev.osprey.turn.server.RelayAddresses;
import dev.osprey.turn.server.TurnClock;
import dev.osprey.turn.server.TurnMessageDispatcher;
import dev.osprey.turn.server.TurnServices;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The embedded TURN relay (RFC 8656) on UDP and TCP ({@code turn.udp_port}) and TLS ({@code turn.tls_port}), with
 * UDP and TCP (RFC 6062) allocations and the long-term, TURN REST and LiveKit credential schemes. The server module
 * builds it from a {@link TurnConfig}, its {@link MeterRegistry} and the {@link TurnTransport} it runs everything on,
 * then calls {@link #start()} and, at shutdown, {@link #stop()} (neither on an event loop: both wait for sockets).
 * The event loop group stays the caller's.
 */
public final class TurnServer {
    private static final Logger LOG = LoggerFactory.getLogger(TurnServer.class);
    private final TurnConfig config;
    private final TurnTransport transport;
    private final TurnServices services;
    private final TurnMessageDispatcher dispatcher;
    private TurnListeners listeners;
    private ScheduledExecutorService certificateWatcher;

    public TurnServer(TurnConfig config, MeterRegistry registry, TurnTransport transport) {
        this(config, registry, transport, TurnClock.SYSTEM);
    }

    TurnServer(TurnConfig config, MeterRegistry registry, TurnTransport transport, TurnClock clock) {
        this.config = config;
        this.transport = transport;
        TurnMetrics metrics = new TurnMetrics(registry);
        RelayPortAllocator ports = new RelayPortAllocator(config.relayRangeStart(), config.relayRangeEnd());
        AllocationQuota quota = new AllocationQuota(config.maxAllocations(), config.perUserAllocationLimit());
        this.services = new TurnServices(config, clock, metrics, credentialsOf(config),
                new NonceIssuer(config.nonceLifetime().toSeconds()),
                new PeerAddressPolicy(config.allowedRestrictedPeers()), ports, quota,
                new RelayAddresses(relayAddressesOf(config)),
                new NettyRelaySockets(transport.datagramChannel(), transport.datagramOptions(), metrics),
                new NettyTcpRelaySockets(transport.serverChannel(), transport.socketChannel(),
                        transport.streamReusePort(), metrics),
                new PendingPeerConnections(),
                new AllocationRegistry(ports, quota, metrics, clock));
        this.dispatcher = new TurnMessageDispatcher(services);
    }

    /**
     * Binds the listeners: UDP and TCP on {@code udp_port} when it is not 0, TLS on {@code tls_port} when a
     * certificate is configured.
     *
     * @throws IllegalStateException when a port cannot be bound or the certificate cannot be loaded
     */
    public synchronized void start() {
        if (listeners != null) {
            throw new IllegalStateException("the TURN server is already started");
        }
        Optional<ReloadableSslContext> tls = config.tlsEnabled()
                ? Optional.of(new ReloadableSslContext(config.certFile().orElseThrow(), config.keyFile().orElseThrow()))
                : Optional.empty();
        TurnListeners started = new TurnListeners(transport, dispatcher, services.registry(), services.metrics());
        try {
            if (config.udpPort() > 0) {
                started.bindUdp(new InetSocketAddress(config.listenAddress(), config.udpPort()));
                started.bindStream(new InetSocketAddress(config.listenAddress(), config.udpPort()),
                        TransportProtocol.TCP, Optional.empty());
            }
            if (tls.isPresent()) {
                started.bindStream(new InetSocketAddress(config.listenAddress(), config.tlsPort()),
                        TransportProtocol.TLS, tls);
            }
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        listeners = started;
        tls.ifPresent(this::watchCertificate);
        LOG.info("TURN relay listening: {} (realm {}, relay ports {}-{})", started.boundAddresses(),
                config.realm(), config.relayRangeStart(), config.relayRangeEnd());
    }

    /** Closes the listeners and deletes every allocation; returns when they are gone. */
    public synchronized void stop() {
        if (listeners == null) {
            return;
        }
        if (certificateWatcher != null) {
            certificateWatcher.shutdownNow();
            certificateWatcher = null;
        }
        listeners.close();
        listeners = null;
        services.registry().deleteAll();
        LOG.info("TURN relay stopped");
    }

    /** The address each listener is bound to, by transport (UDP, TCP, TLS); empty before {@link #start()}. */
    public synchronized Map<String, InetSocketAddress> boundAddresses() {
        return listeners == null ? Map.of() : listeners.boundAddresses();
    }

    /** Internal: the shared services (tests drive the sweepers through them). */
    TurnServices services() {
        return services;
    }

    private void watchCertificate(ReloadableSslContext tls) {
        certificateWatcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "osprey-turn-certificate-watch");
            thread.setDaemon(true);
            return thread;
        });
        long period = config.certReloadInterval().toMillis();
        certificateWatcher.scheduleWithFixedDelay(tls::reloadIfChanged, period, period, TimeUnit.MILLISECONDS);
    }

    private static CredentialSource credentialsOf(TurnConfig config) {
        List<CredentialSource> sources = new ArrayList<>(3);
        if (!config.users().isEmpty()) {
            sources.add(new StaticUserCredentials(config.users()));
        }
        if (!config.liveKitKeys().isEmpty()) {
            sources.add(new LiveKitCredentials(config.liveKitKeys()));
        }
        config.staticAuthSecret().ifPresent(secret -> sources.add(new TurnRestCredentials(secret)));
        return new CredentialChain(sources);
    }

    /** The configured relay addresses, else the listen address, else the host's first public-facing IPv4 address. */
    private static List<InetAddress> relayAddressesOf(TurnConfig config) {
        if (!config.relayAddresses().isEmpty()) {
            return config.relayAddresses();
        }
        if (!config.listenAddress().isAnyLocalAddress()) {
            return List.of(config.listenAddress());
        }
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLinkLocalAddress()) {
                        return List.of(address);
                    }
                }
            }
        } catch (SocketException e) {
            LOG.warn("cannot list network interfaces to pick a TURN relay address: {}", e.toString());
        }
        LOG.warn("no non-loopback IPv4 address found; TURN relay addresses will be 127.0.0.1 (set relay addresses)");
        return List.of(InetAddress.getLoopbackAddress());
    }
}
