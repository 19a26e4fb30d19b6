package dev.osprey.server.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distribution jar as an operator runs it: starts, prints its listeners, answers the health probe and
 * Prometheus scrapes, and on SIGTERM shuts down gracefully with exit status 0. Runs after {@code package}
 * (failsafe), against {@code target/osprey.jar}.
 */
class OspreyProcessIT {
    @TempDir
    Path dir;

    private Process process;

    @AfterEach
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    void startsPrintsListenersAnswersProbesAndStopsCleanlyOnSigterm() throws Exception {
        int signaling = freePort();
        int metrics = freePort();
        int media = freePort();
        Path config = Files.writeString(dir.resolve("osprey.yaml"), """
                port: %d
                prometheus_port: %d
                rtc: {udp_port: %d, tcp_port: %d}
                server: {port: %d}
                database: {path: %s}
                """.formatted(signaling, metrics, media, freePort(), freePort(), dir.resolve("osprey.db")));
        process = new ProcessBuilder(javaBinary(), "-jar", Path.of("target", "osprey.jar").toString(),
                "run", "--dev", "--config", config.toString())
                .redirectErrorStream(true).start();
        List<String> lines = readUntil(process, "Osprey is ready", Duration.ofSeconds(30));

        assertThat(lines).anySatisfy(l -> assertThat(l).contains("signaling").contains(":" + signaling));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("dev credentials: API key devkey"));
        assertThat(get("http://127.0.0.1:" + signaling + "/").statusCode()).isEqualTo(200);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("ice/udp").contains(":" + media));
        try (java.net.DatagramSocket udp = new java.net.DatagramSocket()) { // not STUN, from nobody known
            byte[] junk = {(byte) 0x80, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1};
            udp.send(new java.net.DatagramPacket(junk, junk.length, java.net.InetAddress.getLoopbackAddress(), media));
        }
        HttpResponse<String> scrape = scrapeUntil("http://127.0.0.1:" + metrics + "/metrics",
                "osprey_ice_dropped_packets_total{reason=\"unknown_source\",service=\"osprey\"} 1.0");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes").contains("netty_allocator_memory_used");

        process.destroy(); // SIGTERM on Linux
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("exited within the grace period").isTrue();
        assertThat(process.exitValue()).isZero();
    }

    private static List<String> readUntil(Process p, String marker, Duration timeout) throws IOException {
        List<String> lines = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
            lines.add(line);
            if (line.contains(marker)) {
                Thread drain = new Thread(() -> reader.lines().forEach(l -> { }), "drain-osprey-output");
                drain.setDaemon(true);
                drain.start();
                return lines;
            }
        }
        throw new AssertionError("no '" + marker + "' line; output was:\n" + String.join("\n", lines));
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    /** The drop is counted on an event loop of the other process: poll the scrape for a bounded time. */
    private static HttpResponse<String> scrapeUntil(String url, String line) throws Exception {
        HttpResponse<String> last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            last = get(url);
            if (last.body().contains(line)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + line + "' in the scrape:\n" + (last == null ? "" : last.body()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
