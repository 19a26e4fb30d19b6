package dev.osprey.server.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The distribution jar ({@code target/osprey.jar}) run as an operator runs it, {@code run --dev --config <file>} with
 * a YAML configuration on free ports: started, its output kept, stopped with SIGTERM. For tests that need the whole
 * composition (configuration, wiring, listeners) rather than one module.
 */
final class OspreyProcess implements AutoCloseable {

    private static final String READY = "Osprey is ready";

    final int signalingPort;
    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();

    /**
     * @param dir  where the config file and the database go
     * @param yaml further top-level YAML (e.g. {@code webhook:} and {@code room:} sections), appended to the ports
     */
    OspreyProcess(Path dir, String yaml) throws IOException {
        signalingPort = freePort();
        Path config = Files.writeString(dir.resolve("osprey.yaml"), """
                port: %d
                prometheus_port: 0
                rtc: {udp_port: %d, tcp_port: %d}
                server: {port: %d}
                database: {path: %s}
                %s
                """.formatted(signalingPort, freePort(), freePort(), freePort(), dir.resolve("osprey.db"), yaml));
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-jar", Path.of("target", "osprey.jar").toString(),
                "run", "--dev", "--config", config.toString())
                .redirectErrorStream(true).start();
        awaitReady(Duration.ofSeconds(30));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + signalingPort;
    }

    /** Every line printed so far. */
    List<String> output() {
        return List.copyOf(output);
    }

    private void awaitReady(Duration timeout) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + timeout.toNanos();
        String line;
        while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
            output.add(line);
            if (line.contains(READY)) {
                Thread drain = new Thread(() -> reader.lines().forEach(output::add), "osprey-output");
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        process.destroyForcibly();
        throw new AssertionError("no '" + READY + "' line; output was:\n" + String.join("\n", output));
    }

    /** SIGTERM, then the exit status; -1 when it did not exit within the grace period (it is then killed). */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
