package dev.osprey.server.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader();

    private Path yaml(String text) throws IOException {
        Path file = dir.resolve("osprey.yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void devNeedsNoFileAndUsesLiveKitDevCredentialsOnLoopback() throws Exception {
        OspreyConfig c = loader.load(null, true, Map.of());
        assertThat(c.keys()).containsExactly(Map.entry("devkey", "secret"));
        assertThat(c.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(7880);
        assertThat(c.rtc().tcpPort()).isEqualTo(7881);
        assertThat(c.rtc().udpPort()).isEqualTo(7882);
        assertThat(c.server().port()).isEqualTo(8090);
        assertThat(c.database().type()).isEqualTo("sqlite");
        assertThat(dev.osprey.server.ControlApiSettings.from(c).database().path())
                .isEqualTo(java.nio.file.Path.of("data", "osprey.db"));
        assertThat(c.livekit().apiKey()).isEqualTo("devkey");
    }

    @Test
    void productionStartWithoutKeysIsRefused() {
        assertThatThrownBy(() -> loader.load(null, false, Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .extracting(ConfigError::key).contains("keys", "auth.jwtSecret", "auth.sessionSecret"));
    }

    @Test
    void fileOverridesDefaultsAndKeepsTheRest() throws Exception {
        Path file = yaml("""
                port: 7890
                keys:
                  APIabc: 0123456789abcdef0123456789abcdef
                rtc:
                  udp_port: 9000
                  port_range_start: 50000
                  port_range_end: 60000
                turn:
                  enabled: true
                  udp_port: 3479
                  allow_restricted_peer_cidrs: [127.0.0.0/8]
                webhook:
                  urls: [http://127.0.0.1:9999/hook]
                  api_key: APIabc
                room: {empty_timeout: 10, departure_timeout: 5, max_participants: 50}
                server: {port: 8091}
                database: {type: postgres, host: db.internal, name: osprey, user: u, password: p}
                auth: {jwtSecret: abcdefghijabcdefghijabcdefghij12, sessionSecret: s3ss10n-s3cr3t, tokenDuration: 2}
                livekit: {host: wss://meet.example.org, external: false}
                logging: {level: debug}
                """);
        OspreyConfig c = loader.load(file, false, Map.of());
        assertThat(c.port()).isEqualTo(7890);
        assertThat(c.rtc().udpPort()).isEqualTo(9000);
        assertThat(c.rtc().tcpPort()).isEqualTo(7881);
        assertThat(c.rtc().portRangeEnd()).isEqualTo(60000);
        assertThat(c.turn().enabled()).isTrue();
        assertThat(c.turn().tlsPort()).isEqualTo(5349);
        assertThat(c.turn().allowRestrictedPeerCidrs()).containsExactly("127.0.0.0/8");
        assertThat(c.webhook().urls()).containsExactly("http://127.0.0.1:9999/hook");
        assertThat(c.room().maxParticipants()).isEqualTo(50);
        assertThat(c.database().host()).isEqualTo("db.internal");
        assertThat(c.auth().tokenDuration()).isEqualTo(2);
        assertThat(c.logging().level()).isEqualTo("debug");
    }

    @Test
    void fileKeysMapReplacesTheDevKeys() throws Exception {
        OspreyConfig c = loader.load(yaml("keys: {mykey: mysecret}\n"), true, Map.of());
        assertThat(c.keys()).containsExactly(Map.entry("mykey", "mysecret"));
    }

    @Test
    void unknownKeyIsNamedWithItsPath() throws IOException {
        Path file = yaml("rtc:\n  udp_prot: 7882\nbogus: 1\n");
        assertThatThrownBy(() -> loader.load(file, true, Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.errors()).extracting(ConfigError::key).containsExactly("rtc.udp_prot", "bogus");
                    assertThat(e.errors().get(0).message()).contains("unknown key").contains("udp_port");
                });
    }

    @Test
    void malformedPortNamesTheKeyAndTheExpectedForm() throws IOException {
        Path file = yaml("rtc:\n  udp_port: seventy\n");
        assertThatThrownBy(() -> loader.load(file, true, Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.errors()).hasSize(1);
                    assertThat(e.errors().get(0).key()).isEqualTo("rtc.udp_port");
                    assertThat(e.errors().get(0).message()).contains("whole number").contains("seventy");
                });
    }

    @Test
    void portOutOfRangeIsRefused() throws IOException {
        Path file = yaml("port: 70000\n");
        assertThatThrownBy(() -> loader.load(file, true, Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .containsExactly(new ConfigError("port", "expected a port number 1-65535, got 70000")));
    }

    @Test
    void fractionalPortIsNotTruncated() throws IOException {
        Path file = yaml("server:\n  port: 80.5\n");
        assertThatThrownBy(() -> loader.load(file, true, Map.of()))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.errors().get(0).key()).isEqualTo("server.port"));
    }

    @Test
    void semanticErrorsAreAllReported() throws IOException {
        Path file = yaml("""
                bind_address: not-an-ip
                rtc: {port_range_start: 60000, port_range_end: 50000}
                logging: {level: loud}
                database: {type: mysql}
                webhook: {urls: ["ftp://x"], api_key: nokey}
                """);
        assertThatThrownBy(() -> loader.load(file, true, Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .extracting(ConfigError::key)
                        .contains("bind_address", "rtc.port_range_start", "logging.level", "database.type",
                                "webhook.urls", "webhook.api_key"));
    }

    @Test
    void sectionGivenAsScalarIsRefused() throws IOException {
        Path file = yaml("rtc: 5\n");
        assertThatThrownBy(() -> loader.load(file, true, Map.of()))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.errors().get(0)).hasToString("rtc: expected a mapping of keys, got '5'"));
    }

    @Test
    void invalidYamlAndMissingFileAreReported() throws IOException {
        Path bad = yaml("port: [unclosed\n");
        assertThatThrownBy(() -> loader.load(bad, true, Map.of())).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> loader.load(dir.resolve("missing.yaml"), true, Map.of()))
                .hasMessageContaining("no such file");
    }

    @Test
    void environmentOverridesFileAndDefaults() throws Exception {
        Path file = yaml("rtc: {udp_port: 9000}\n");
        OspreyConfig c = loader.load(file, true, Map.of(
                "OSPREY_RTC__UDP_PORT", "9100",
                "OSPREY_AUTH__JWTSECRET", "from-env-secret-0123456789abcdef012",
                "OSPREY_TURN__ALLOW_RESTRICTED_PEER_CIDRS", "127.0.0.0/8, ::1/128",
                "LIVEKIT_KEYS", "k1: s1, k2: s2",
                "DB_PATH", "/var/lib/osprey/db.sqlite",
                "SERVER_PORT", "8099"));
        assertThat(c.rtc().udpPort()).isEqualTo(9100);
        assertThat(c.auth().jwtSecret()).isEqualTo("from-env-secret-0123456789abcdef012");
        assertThat(c.turn().allowRestrictedPeerCidrs()).containsExactly("127.0.0.0/8", "::1/128");
        assertThat(c.keys()).containsOnly(Map.entry("k1", "s1"), Map.entry("k2", "s2"));
        assertThat(c.database().path()).isEqualTo("/var/lib/osprey/db.sqlite");
        assertThat(c.server().port()).isEqualTo(8099);
    }

    @Test
    void unknownOrMalformedEnvironmentOverrideNamesTheVariable() {
        assertThatThrownBy(() -> loader.load(null, true, Map.of("OSPREY_RTC__NOPE", "1")))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.errors().get(0).key()).isEqualTo("OSPREY_RTC__NOPE"));
        assertThatThrownBy(() -> loader.load(null, true, Map.of("OSPREY_PORT", "http")))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.errors().get(0).key()).isEqualTo("port"));
    }
}
