package dev.osprey.turn.api;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TurnConfigTest {

    @Test
    void defaultsFollowTheIssueAndLiveKit() {
        TurnConfig config = TurnConfig.builder().build();
        assertThat(config.enabled()).isFalse();
        assertThat(config.udpPort()).isEqualTo(3478);
        assertThat(config.tlsPort()).isEqualTo(5349);
        assertThat(config.realm()).isEqualTo("osprey");
        assertThat(config.relayRangeStart()).isEqualTo(49152);
        assertThat(config.relayRangeEnd()).isEqualTo(65535);
        assertThat(config.listenAddress().isAnyLocalAddress()).isTrue();
        assertThat(config.allowRestrictedPeerCidrs()).isEmpty();
        assertThat(config.tlsEnabled()).isFalse();
        assertThat(config.maxLifetime()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void builderRoundTrips() {
        TurnConfig config = TurnConfig.builder().enabled(true).udpPort(0).realm("r")
                .users(Map.of("a", "b")).staticAuthSecret("s").relayRange(50000, 50010)
                .allowRestrictedPeerCidrs(List.of("127.0.0.0/8")).certificate(Path.of("c"), Path.of("k")).build();
        assertThat(config.toBuilder().build()).isEqualTo(config);
        assertThat(config.tlsEnabled()).isTrue();
        assertThat(config.allowedRestrictedPeers()).containsExactly(dev.osprey.turn.policy.Cidr.parse("127.0.0.0/8"));
    }

    @Test
    void rejectsInvalidSettings() {
        assertThatThrownBy(() -> TurnConfig.builder().udpPort(70000).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("udp_port");
        assertThatThrownBy(() -> TurnConfig.builder().relayRange(50010, 50000).build())
                .hasMessageContaining("relay_range");
        assertThatThrownBy(() -> TurnConfig.builder().realm("").build()).hasMessageContaining("realm");
        assertThatThrownBy(() -> TurnConfig.builder().allowRestrictedPeerCidrs(List.of("lan")).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TurnConfig.builder().staticAuthSecret("").build())
                .hasMessageContaining("static_auth_secret");
        assertThatThrownBy(() -> TurnConfig.builder().maxLifetime(Duration.ofMinutes(5)).build())
                .hasMessageContaining("lifetime");
        assertThatThrownBy(() -> TurnConfig.builder().perUserAllocationLimit(-1).build())
                .hasMessageContaining("negative");
    }

    @Test
    void credentialHelperIssuesTheLiveKitAndRestSchemes() {
        Instant expiry = Instant.ofEpochSecond(1_700_000_600L);
        TurnCredential livekit = TurnCredentials.liveKit("APIdev", "devsecret", "PA_xyz", expiry);
        assertThat(livekit.username()).isEqualTo("wAjNwADMwAzNxwneyDvvCCKeZXZklEUBB");
        assertThat(livekit.password()).isEqualTo("Nif09BYDLUuhUOEclmUd1lXWb6XvucqAlBcwDHcWe5X");
        assertThat(livekit.expiresAt()).isEqualTo(expiry);
        TurnCredential rest = TurnCredentials.rest("north", "alice", Instant.ofEpochSecond(1_700_000_000L));
        assertThat(rest.username()).isEqualTo("1700000000:alice");
        assertThat(rest.password()).isEqualTo("Cd/49soE35ICqcJF/bCTn8Z4OyE=");
        assertThat(rest.toString()).doesNotContain(rest.password());
        assertThatThrownBy(() -> TurnCredentials.liveKit("a|b", "s", "p", expiry))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void urlsListUdpAndTls() throws Exception {
        TurnConfig config = TurnConfig.builder().domain("turn.example.org")
                .certificate(Path.of("c"), Path.of("k")).build();
        assertThat(TurnCredentials.urls(config, "192.0.2.1")).containsExactly(
                "turn:192.0.2.1:3478?transport=udp", "turns:turn.example.org:5349?transport=tcp");
        assertThat(TurnCredentials.urls(TurnConfig.builder().tlsPort(0).build(), "2001:db8::1"))
                .containsExactly("turn:[2001:db8::1]:3478?transport=udp");
        assertThat(InetAddress.getByName("::1").isLoopbackAddress()).isTrue();
    }
}
