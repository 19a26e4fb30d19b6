package dev.osprey.ice;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * coturn's {@code turnutils_stunclient} against the mux port: it sends a Binding request without credentials,
 * which an ICE agent must not answer with a mapped address; RFC 8489 §9.1.3 prescribes 400 (Bad Request).
 * Skipped where coturn is not installed ({@code apt-get install coturn}).
 */
class CoturnStunClientTest {
    private static final Path CLIENT = Path.of("/usr/bin/turnutils_stunclient");
    private LoopbackAgent fixture;

    @BeforeEach
    void start() {
        assumeTrue(Files.isExecutable(CLIENT), "coturn's turnutils_stunclient is not installed");
        fixture = new LoopbackAgent();
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void unauthenticatedBindingRequestGets400() throws Exception {
        fixture.agent.createTransport(IceCredentials.random(), new RecordingListener());
        Process p = new ProcessBuilder(CLIENT.toString(), "-p", Integer.toString(fixture.udp().getPort()), "127.0.0.1")
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output).contains("The response is an error 400 (Bad Request)");
        assertThat(output).doesNotContain("reflexive addr");
        assertThat(p.exitValue()).isZero();
        assertThat(fixture.dropped(DropReason.MISSING_CREDENTIALS)).isEqualTo(1);
        assertThat(fixture.responses(400)).isEqualTo(1);
    }
}
