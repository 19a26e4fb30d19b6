package dev.osprey.server.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigCheckCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    @Test
    void unknownKeyIsPrintedAndExitIsNonZero() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "rtc:\n  udp_prot: 7882\n");
        assertThat(cli.run("config", "check", file.toString())).isEqualTo(ExitCodes.CONFIG);
        assertThat(cli.err.toString()).contains("rtc.udp_prot: unknown key");
    }

    @Test
    void malformedPortIsPrintedAndExitIsNonZero() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "turn:\n  udp_port: not-a-port\n");
        assertThat(cli.run("config", "check", file.toString())).isEqualTo(ExitCodes.CONFIG);
        assertThat(cli.err.toString()).contains("turn.udp_port: expected a whole number, got 'not-a-port'");
    }

    @Test
    void validFileIsAccepted() throws Exception {
        Path file = Files.writeString(dir.resolve("ok.yaml"), """
                keys: {APIkey: 0123456789abcdef0123456789abcdef}
                auth: {jwtSecret: 0123456789abcdef0123456789abcdef, sessionSecret: another-secret}
                """);
        assertThat(cli.run("config", "check", file.toString())).isZero();
        assertThat(cli.out.toString()).contains(file + ": OK");
    }

    @Test
    void versionPrintsTheBuildVersion() {
        assertThat(cli.run("version")).isZero();
        assertThat(cli.out.toString()).startsWith("osprey ").doesNotContain("unknown");
    }
}
