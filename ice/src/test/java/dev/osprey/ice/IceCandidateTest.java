package dev.osprey.ice;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Host candidate priorities (RFC 8445 §5.1.2, RFC 6544 §4.2) and their SDP form (RFC 8839 §5.1). */
class IceCandidateTest {

    @Test
    void priorityFormula() {
        // 2^24 * 126 + 2^8 * 65535 + (256 - 1): the familiar 2130706431 of a lone host candidate
        assertThat(IceCandidate.priority(126, 65535, 1)).isEqualTo(2130706431L);
        assertThat(IceCandidate.priority(0, 0, 256)).isZero();
        assertThatThrownBy(() -> IceCandidate.priority(127, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void udpAboveTcpAndFirstAddressFirst() throws Exception {
        InetAddress a = InetAddress.getByName("192.0.2.10");
        IceCandidate udp0 = IceCandidate.host(TransportProtocol.UDP, new InetSocketAddress(a, 7882), 0);
        IceCandidate udp1 = IceCandidate.host(TransportProtocol.UDP, new InetSocketAddress(a, 7882), 1);
        IceCandidate tcp0 = IceCandidate.host(TransportProtocol.TCP, new InetSocketAddress(a, 7881), 0);
        assertThat(udp0.priority()).isEqualTo(2130706431L);
        assertThat(udp1.priority()).isEqualTo(2130706431L - 256);
        // local preference 2^13 * 4 (passive) + 8191 = 40959
        assertThat(tcp0.priority()).isEqualTo((126L << 24) + (40959L << 8) + 255);
        assertThat(tcp0.priority()).isLessThan(udp1.priority());
        assertThat(udp0.foundation()).isNotEqualTo(tcp0.foundation());
        assertThat(udp0.foundation()).isEqualTo(udp1.foundation()); // same type, base address and protocol
    }

    @Test
    void sdpAttributeFollowsTheGrammar() throws Exception {
        IceCandidate udp = IceCandidate.host(TransportProtocol.UDP,
                new InetSocketAddress(InetAddress.getByName("192.0.2.10"), 7882), 0);
        assertThat(udp.toSdpAttribute())
                .matches("candidate:[0-9]+ 1 udp 2130706431 192\\.0\\.2\\.10 7882 typ host");
        IceCandidate tcp = IceCandidate.host(TransportProtocol.TCP,
                new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 7881), 0);
        assertThat(tcp.toSdpAttribute())
                .matches("candidate:[0-9]+ 1 tcp [0-9]+ 2001:db8:0:0:0:0:0:1 7881 typ host tcptype passive");
    }

    @Test
    void invalidValuesAreRefused() {
        InetSocketAddress addr = new InetSocketAddress(InetAddress.getLoopbackAddress(), 1);
        assertThatThrownBy(() -> new IceCandidate("", 1, TransportProtocol.UDP, 1, addr))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IceCandidate("f", 0, TransportProtocol.UDP, 1, addr))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IceCandidate("f", 1, TransportProtocol.UDP, 1,
                InetSocketAddress.createUnresolved("example.org", 1))).isInstanceOf(IllegalArgumentException.class);
    }
}
