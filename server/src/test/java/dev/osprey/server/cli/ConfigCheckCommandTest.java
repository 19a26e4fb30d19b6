package dev.osprey.server.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigCheckCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = OspreyCommand.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void unknownKeyIsPrintedAndExitIsNonZero() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "rtc:\n  udp_prot: 7882\n");
        assertThat(run("config", "check", file.toString())).isEqualTo(ExitCodes.CONFIG);
        assertThat(err.toString()).contains("rtc.udp_prot: unknown key");
    }

    @Test
    void malformedPortIsPrintedAndExitIsNonZero() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "turn:\n  udp_port: not-a-port\n");
        assertThat(run("config", "check", file.toString())).isEqualTo(ExitCodes.CONFIG);
        assertThat(err.toString()).contains("turn.udp_port: expected a whole number, got 'not-a-port'");
    }

    @Test
    void validFileIsAccepted() throws Exception {
        Path file = Files.writeString(dir.resolve("ok.yaml"), """
                keys: {APIkey: 0123456789abcdef0123456789abcdef}
                auth: {jwtSecret: 0123456789abcdef0123456789abcdef}
                """);
        assertThat(run("config", "check", file.toString())).isZero();
        assertThat(out.toString()).contains(file + ": OK");
    }

    @Test
    void versionPrintsTheBuildVersion() {
        assertThat(run("version")).isZero();
        assertThat(out.toString()).startsWith("osprey ").doesNotContain("unknown");
    }
}
