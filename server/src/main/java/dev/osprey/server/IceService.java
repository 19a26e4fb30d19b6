package dev.osprey.server;

import dev.osprey.ice.IceLiteAgent;
import dev.osprey.ice.IceNetwork;
import dev.osprey.ice.IceSettings;
import dev.osprey.server.config.OspreyConfig;
import dev.osprey.server.config.RtcSection;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollChannelOption;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ICE-lite agent: the single UDP media port (plus an optional range) and ICE-TCP. Peer connections register
 * their transports with it; until then every packet is dropped and counted by reason.
 */
final class IceService implements Service {
    private final IceLiteAgent agent;

    IceService(OspreyConfig config, EventLoopGroup group, NettyTransport transport, MeterRegistry registry) {
        RtcSection rtc = config.rtc();
        IceSettings settings = IceSettings.builder()
                .bindAddress(config.bindAddress())
                .udpPort(rtc.udpPort())
                .udpPortRange(rtc.portRangeStart(), rtc.portRangeEnd())
                .tcpEnabled(rtc.tcpPort() > 0)
                .tcpPort(rtc.tcpPort())
                .nodeIps(rtc.nodeIp().isBlank() ? List.of() : List.of(rtc.nodeIp()))
                .consentTimeout(Duration.ofSeconds(rtc.consentTimeoutSeconds()))
                .software("Osprey " + Version.get())
                .build();
        int sockets = transport.supportsReusePort() ? loops(group) : 1;
        Map<ChannelOption<?>, Object> options = transport.supportsReusePort()
                ? Map.of(EpollChannelOption.SO_REUSEPORT, true) : Map.of();
        IceNetwork network = new IceNetwork(group, transport.datagramChannelClass(), transport.serverChannelClass(),
                sockets, options);
        this.agent = new IceLiteAgent(settings, network, registry, Clock.systemUTC());
    }

    private static int loops(EventLoopGroup group) {
        int count = 0;
        for (io.netty.util.concurrent.EventExecutor ignored : group) {
            count++;
        }
        return count;
    }

    IceLiteAgent agent() {
        return agent;
    }

    @Override
    public String name() {
        return "ice";
    }

    @Override
    public List<Listener> start() {
        agent.start();
        List<Listener> listeners = new ArrayList<>();
        List<InetSocketAddress> udp = agent.udpLocalAddresses(); // several sockets may share the mux port
        if (!udp.isEmpty()) {
            listeners.add(new Listener("ice/udp", "udp", udp.get(0), "ICE-lite media mux (STUN, DTLS, SRTP)"));
        }
        InetSocketAddress tcp = agent.tcpLocalAddress();
        if (tcp != null) {
            listeners.add(new Listener("ice/tcp", "tcp", tcp, "ICE-TCP passive (RFC 6544, RFC 4571 framing)"));
        }
        return listeners;
    }

    @Override
    public void close() {
        agent.close();
    }
}
