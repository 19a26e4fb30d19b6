package dev.osprey.signaling.rooms;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** An HTTP listener on loopback that takes webhook POSTs as a backend would and keeps them for the test. */
final class WebhookSink implements AutoCloseable {

    record Received(String body, String authorization, String contentType) {
    }

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final HttpServer server;

    WebhookSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(new String(body, StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    /** The next request, waiting for it up to ten seconds. */
    Received next() throws InterruptedException {
        Received request = received.poll(10, TimeUnit.SECONDS);
        assertThat(request).as("webhook request").isNotNull();
        return request;
    }

    /** Drops what arrived so far. */
    void clear() {
        received.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
