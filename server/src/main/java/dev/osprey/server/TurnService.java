package dev.osprey.server;

import dev.osprey.server.config.OspreyConfig;
import dev.osprey.server.config.TurnSection;
import dev.osprey.turn.api.TurnConfig;
import dev.osprey.turn.api.TurnServer;
import dev.osprey.turn.api.TurnTransport;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollChannelOption;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The embedded RFC 8656 relay on {@code turn.udp_port} (UDP and TCP) and {@code turn.tls_port}, when
 * {@code turn.enabled}. It accepts static users, TURN REST credentials and the LiveKit-style credentials that
 * signaling hands to clients (keyed by this process's {@code keys}).
 */
final class TurnService implements Service {
    private final TurnServer server;

    TurnService(OspreyConfig config, EventLoopGroup group, NettyTransport transport, MeterRegistry registry)
            throws UnknownHostException {
        TurnTransport turnTransport = TurnTransport.of(group, transport.datagramChannelClass(),
                transport.serverChannelClass());
        if (transport.supportsReusePort()) {
            turnTransport = turnTransport.withReusePort(EpollChannelOption.SO_REUSEPORT);
        }
        this.server = new TurnServer(settings(config), registry, turnTransport);
    }

    static TurnConfig settings(OspreyConfig config) throws UnknownHostException {
        TurnSection t = config.turn();
        TurnConfig.Builder b = TurnConfig.builder()
                .enabled(true)
                .listenAddress(InetAddress.getByName(config.bindAddress()))
                .udpPort(t.udpPort())
                .tlsPort(t.tlsPort())
                .domain(t.domain())
                .realm(t.realm())
                .users(t.users())
                .liveKitKeys(config.keys())
                .relayRange(t.relayRangeStart(), t.relayRangeEnd())
                .allowRestrictedPeerCidrs(t.allowRestrictedPeerCidrs())
                .perUserAllocationLimit(t.perUserAllocationLimit())
                .maxAllocations(t.maxAllocations());
        if (!config.rtc().nodeIp().isBlank()) {
            b.relayAddresses(List.of(InetAddress.getByName(config.rtc().nodeIp())));
        }
        if (!t.staticAuthSecret().isBlank()) {
            b.staticAuthSecret(t.staticAuthSecret());
        }
        if (!t.certFile().isBlank()) {
            b.certificate(Path.of(t.certFile()), Path.of(t.keyFile()));
        }
        return b.build();
    }

    @Override
    public String name() {
        return "turn";
    }

    @Override
    public List<Listener> start() {
        server.start();
        List<Listener> listeners = new ArrayList<>();
        for (Map.Entry<String, InetSocketAddress> bound : server.boundAddresses().entrySet()) {
            String kind = bound.getKey().toLowerCase(java.util.Locale.ROOT);
            listeners.add(new Listener("turn/" + kind, kind, bound.getValue(), "TURN relay (RFC 8656) over "
                    + bound.getKey()));
        }
        return listeners;
    }

    @Override
    public void close() {
        server.stop();
    }
}
