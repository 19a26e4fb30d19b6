package dev.osprey.ice;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.junit.jupiter.api.Test;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static dev.osprey.ice.LoopbackAgent.client;
import static dev.osprey.ice.LoopbackAgent.receive;
import static dev.osprey.ice.LoopbackAgent.send;
import static dev.osprey.ice.RecordingListener.next;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several event loops and sockets: transports living on other loops than the socket that receives their packets
 * (hand-over), several sockets sharing the port through SO_REUSEPORT, and a UDP port range.
 */
class MultiSocketTest {

    @Test
    void transportsOnOtherLoopsThanTheSocket() {
        try (LoopbackAgent f = new LoopbackAgent(4, IceSettings.builder().tcpEnabled(false))) {
            List<IceCredentials> creds = new ArrayList<>();
            List<RecordingListener> listeners = new ArrayList<>();
            List<IceTransport> transports = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                creds.add(IceCredentials.random());
                listeners.add(new RecordingListener());
                transports.add(f.agent.createTransport(creds.get(i), listeners.get(i)));
            }
            Set<Object> loops = new HashSet<>();
            transports.forEach(t -> loops.add(t.eventLoop()));
            assertThat(loops).hasSizeGreaterThan(1);
            for (int i = 0; i < 6; i++) {
                try (DatagramSocket c = client()) {
                    UdpMuxLoopbackTest.connect(f, c, creds.get(i), listeners.get(i));
                    send(c, f.udp(), Checks.rtp(i));
                    assertThat(next(listeners.get(i).packets).bytes()).isEqualTo(Checks.rtp(i));
                    transports.get(i).send(Unpooled.wrappedBuffer(Checks.rtp(100 + i)));
                    assertThat(receive(c)).isEqualTo(Checks.rtp(100 + i));
                }
            }
        }
    }

    @Test
    void socketsSharingThePortWithReusePort() {
        MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        Map<ChannelOption<?>, Object> reuse = Map.of(NioChannelOption.of(StandardSocketOptions.SO_REUSEPORT), true);
        IceLiteAgent agent = new IceLiteAgent(
                IceSettings.builder().bindAddress("127.0.0.1").udpPort(0).tcpEnabled(false).build(),
                new IceNetwork(group, NioDatagramChannel.class, NioServerSocketChannel.class, 2, reuse),
                new SimpleMeterRegistry(), new TestClock());
        try {
            agent.start();
            List<InetSocketAddress> sockets = agent.udpLocalAddresses();
            assertThat(sockets).hasSize(2);
            assertThat(sockets.get(0)).isEqualTo(sockets.get(1));
            IceCredentials a = IceCredentials.random();
            RecordingListener l = new RecordingListener();
            IceTransport t = agent.createTransport(a, l);
            for (int i = 0; i < 8; i++) { // several source ports: the kernel spreads them over both sockets
                try (DatagramSocket c = client()) {
                    byte[] check = Checks.check(a, true);
                    send(c, sockets.get(0), check);
                    Responses.assertSuccess(receive(c), Checks.transactionId(check),
                            (InetSocketAddress) c.getLocalSocketAddress(), a.password());
                    send(c, sockets.get(0), Checks.rtp(i));
                    assertThat(next(l.packets).bytes()).isEqualTo(Checks.rtp(i));
                    t.send(Unpooled.wrappedBuffer(Checks.rtp(50 + i)));
                    assertThat(receive(c)).isEqualTo(Checks.rtp(50 + i));
                }
            }
        } finally {
            agent.close();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** The first of {@code n} consecutive loopback UDP ports that could all be bound a moment ago. */
    private static int freeConsecutivePorts(int n) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base;
            try (DatagramSocket probe = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
                base = probe.getLocalPort() + 1;
            }
            if (base + n > 65535) {
                continue;
            }
            List<DatagramSocket> held = new ArrayList<>();
            try {
                for (int i = 0; i < n; i++) {
                    held.add(new DatagramSocket(base + i, java.net.InetAddress.getLoopbackAddress()));
                }
                return base;
            } catch (java.net.BindException taken) {
                // try another base
            } finally {
                held.forEach(DatagramSocket::close);
            }
        }
        throw new IllegalStateException("no " + n + " consecutive free UDP ports");
    }

    @Test
    void portRangeSpreadsTransportsAndEveryPortAnswers() throws Exception {
        int start = freeConsecutivePorts(3);
        try (LoopbackAgent f = new LoopbackAgent(1,
                IceSettings.builder().udpPortRange(start, start + 2).tcpEnabled(false))) {
            assertThat(f.agent.udpLocalAddresses()).hasSize(4); // the shared port and three range ports
            Set<Integer> ports = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                IceCredentials c = IceCredentials.random();
                RecordingListener l = new RecordingListener();
                IceTransport t = f.agent.createTransport(c, l);
                IceCandidate udp = t.localCandidates().get(0);
                ports.add(udp.address().getPort());
                try (DatagramSocket s = client()) {
                    byte[] check = Checks.check(c, true);
                    send(s, udp.address(), check);
                    Responses.assertSuccess(receive(s), Checks.transactionId(check),
                            (InetSocketAddress) s.getLocalSocketAddress(), c.password());
                    assertThat(next(l.selected).local().getPort()).isEqualTo(udp.address().getPort());
                }
            }
            assertThat(ports).containsExactlyInAnyOrder(start, start + 1, start + 2);
        }
    }
}
