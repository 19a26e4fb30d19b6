package dev.osprey.server;

import dev.osprey.server.config.ConfigLoader;
import dev.osprey.server.config.OspreyConfig;
import dev.osprey.turn.api.TurnConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TurnServiceTest {
    @TempDir
    Path dir;

    @Test
    void turnSectionAndKeysReachTheRelaySettings() throws Exception {
        Path file = Files.writeString(dir.resolve("osprey.yaml"), """
                rtc: {node_ip: 127.0.0.2}
                turn:
                  enabled: true
                  udp_port: 3479
                  tls_port: 0
                  realm: example.org
                  users: {alice: wonderland}
                  static_auth_secret: rest-secret
                  relay_range_start: 41000
                  relay_range_end: 41999
                  allow_restricted_peer_cidrs: [127.0.0.0/8]
                  per_user_allocation_limit: 3
                  max_allocations: 50
                """);
        OspreyConfig config = new ConfigLoader().load(file, true, Map.of());

        TurnConfig turn = TurnService.settings(config);

        assertThat(turn.enabled()).isTrue();
        assertThat(turn.listenAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(turn.relayAddresses()).containsExactly(InetAddress.getByName("127.0.0.2"));
        assertThat(turn.udpPort()).isEqualTo(3479);
        assertThat(turn.tlsPort()).isZero();
        assertThat(turn.certFile()).isEmpty();
        assertThat(turn.realm()).isEqualTo("example.org");
        assertThat(turn.users()).containsExactly(Map.entry("alice", "wonderland"));
        assertThat(turn.staticAuthSecret()).contains("rest-secret");
        assertThat(turn.liveKitKeys()).containsExactly(Map.entry("devkey", "secret"));
        assertThat(turn.relayRangeStart()).isEqualTo(41000);
        assertThat(turn.relayRangeEnd()).isEqualTo(41999);
        assertThat(turn.allowRestrictedPeerCidrs()).isEqualTo(List.of("127.0.0.0/8"));
        assertThat(turn.perUserAllocationLimit()).isEqualTo(3);
        assertThat(turn.maxAllocations()).isEqualTo(50);
    }
}
