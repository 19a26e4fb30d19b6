package dev.osprey.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Prometheus scrape endpoint on {@code prometheus_port} ({@code /metrics}, and {@code /} for convenience). Served
 * by the JDK's small HTTP server on one daemon thread, away from the media event loops.
 */
final class MetricsService implements Service {
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final InetSocketAddress bindAddress;
    private HttpServer http;
    private ExecutorService executor;

    MetricsService(PrometheusMeterRegistry registry, InetSocketAddress bindAddress) {
        this.registry = registry;
        this.bindAddress = bindAddress;
    }

    @Override
    public String name() {
        return "metrics";
    }

    @Override
    public List<Listener> start() throws IOException {
        http = HttpServer.create(bindAddress, 16);
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "osprey-metrics");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        http.start();
        return List.of(new Listener(name(), "http", http.getAddress(), "Prometheus metrics at /metrics"));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        boolean known = "/metrics".equals(path) || "/".equals(path);
        byte[] body = known ? registry.scrape().getBytes(StandardCharsets.UTF_8)
                : "404 page not found\n".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", known ? CONTENT_TYPE : "text/plain; charset=utf-8");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(known ? 200 : 404, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        if (http != null) {
            http.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
