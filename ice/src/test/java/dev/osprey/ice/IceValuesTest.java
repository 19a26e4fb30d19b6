package dev.osprey.ice;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Credentials, settings, the RFC 7983 classifier, the error budget and address selection. */
class IceValuesTest {

    @Test
    void credentialsFollowTheIceGrammar() {
        IceCredentials c = IceCredentials.random();
        assertThat(c.ufrag()).hasSize(16).matches("[A-Za-z0-9+/]+");
        assertThat(c.password()).hasSize(32).matches("[A-Za-z0-9+/]+");
        assertThat(IceCredentials.random()).isNotEqualTo(c);
        assertThat(c.toString()).doesNotContain(c.password());
        assertThatThrownBy(() -> new IceCredentials("abc", "x".repeat(22))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IceCredentials("abcd", "x".repeat(21))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IceCredentials("ab:d", "x".repeat(22))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsDefaultsAreTheSpecs() {
        IceSettings s = IceSettings.defaults();
        assertThat(s.udpPort()).isEqualTo(7882);
        assertThat(s.tcpPort()).isEqualTo(7881);
        assertThat(s.tcpEnabled()).isTrue();
        assertThat(s.consentTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.hasUdpPortRange()).isFalse();
        assertThatThrownBy(() -> IceSettings.builder().udpPortRange(5000, 4000).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IceSettings.builder().consentTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void classifierFollowsRfc7983() {
        int[][] expect = {{0, 1}, {3, 1}, {4, 3}, {19, 3}, {20, 2}, {63, 2}, {64, 3}, {79, 3}, {127, 3},
                {128, 2}, {191, 2}, {192, 3}, {255, 3}};
        for (int[] e : expect) {
            var buf = Unpooled.wrappedBuffer(new byte[]{(byte) e[0]});
            PacketClassifier.Kind kind = PacketClassifier.classify(buf);
            buf.release();
            assertThat(kind.ordinal()).as("first byte %d", e[0]).isEqualTo(e[1]);
        }
        assertThat(PacketClassifier.classify(Unpooled.EMPTY_BUFFER)).isEqualTo(PacketClassifier.Kind.EMPTY);
    }

    @Test
    void errorBudgetAllowsABurstThenTheRate() {
        ErrorResponseBudget budget = new ErrorResponseBudget(100);
        int allowed = 0;
        for (int i = 0; i < 500; i++) {
            allowed += budget.tryAcquire(1000) ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(100);
        assertThat(budget.tryAcquire(1005)).isFalse();
        assertThat(budget.tryAcquire(1010)).isTrue(); // 10 ms at 100/s frees one
        assertThat(new ErrorResponseBudget(0).tryAcquire(0)).isFalse();
    }

    @Test
    void advertisedAddresses() throws Exception {
        assertThat(HostAddresses.advertised(IceSettings.builder().nodeIps(List.of("198.51.100.7")).build()))
                .containsExactly(InetAddress.getByName("198.51.100.7"));
        assertThat(HostAddresses.advertised(IceSettings.builder().bindAddress("127.0.0.1").build()))
                .containsExactly(InetAddress.getByName("127.0.0.1"));
        assertThat(HostAddresses.advertised(IceSettings.builder().bindAddress("0.0.0.0").build()))
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a).isInstanceOf(java.net.Inet4Address.class));
        assertThatThrownBy(() -> HostAddresses.literal("example.org")).isInstanceOf(IllegalArgumentException.class);
    }
}
