package dev.osprey.turn.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeerAddressPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.0.9", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.10.10", "224.0.0.251", "239.1.1.1", "255.255.255.255", "0.0.0.0", "::1", "::", "fe80::1",
            "fd00::5", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"})
    void restrictedAddressesAreRefusedByDefault(String address) throws Exception {
        assertThat(new PeerAddressPolicy(List.of()).permits(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "172.32.0.1", "192.0.2.1", "100.64.0.1", "2001:db8::1", "2606:4700::1111"})
    void publicAddressesArePermitted(String address) throws Exception {
        assertThat(new PeerAddressPolicy(List.of()).permits(InetAddress.getByName(address))).isTrue();
    }

    @Test
    void configuredBlocksOpenRestrictedAddresses() throws Exception {
        PeerAddressPolicy policy = new PeerAddressPolicy(List.of(Cidr.parse("127.0.0.0/8"), Cidr.parse("fd00::/8")));
        assertThat(policy.permits(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(policy.permits(InetAddress.getByName("fd12::1"))).isTrue();
        assertThat(policy.permits(InetAddress.getByName("10.0.0.1"))).isFalse();
        assertThat(policy.permits(InetAddress.getByName("::1"))).isFalse();
    }

    @Test
    void cidrParsesAndMatchesBothFamilies() throws Exception {
        Cidr v4 = Cidr.parse("192.168.4.0/22");
        assertThat(v4.contains(InetAddress.getByName("192.168.7.255"))).isTrue();
        assertThat(v4.contains(InetAddress.getByName("192.168.8.0"))).isFalse();
        assertThat(v4.contains(InetAddress.getByName("::1"))).isFalse();
        assertThat(Cidr.parse("10.0.0.0/0").contains(InetAddress.getByName("8.8.8.8"))).isTrue();
        assertThat(Cidr.parse("2001:db8::/33").contains(InetAddress.getByName("2001:db8:7fff::1"))).isTrue();
        assertThat(Cidr.parse("2001:db8::/33").contains(InetAddress.getByName("2001:db8:8000::1"))).isFalse();
        assertThat(Cidr.parse(" 192.0.2.1 ").contains(InetAddress.getByName("192.0.2.1"))).isTrue();
        assertThat(Cidr.parse("192.0.2.1")).isEqualTo(Cidr.parse("192.0.2.1/32"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "example.com/8", "10.0.0.0/33", "::/129", "10.0.0.0/-1", "10.0.0.0/x",
            "10.0.0/8", "1.2.3.4/"})
    void cidrRejectsWhatIsNotABlock(String text) {
        assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
