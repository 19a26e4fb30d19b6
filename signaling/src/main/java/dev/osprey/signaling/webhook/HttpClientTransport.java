package dev.osprey.signaling.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Webhook POSTs with the JDK's HTTP client on the notifier's own executor, never an event loop: {@code Content-Type:
 * application/webhook+json} (a type of its own, so that frameworks do not parse, and re-encode, the body before the
 * signature is checked), the configured {@code User-Agent}, and the raw JWT as {@code Authorization}.
 */
final class HttpClientTransport implements WebhookTransport, AutoCloseable {

    static final String CONTENT_TYPE = "application/webhook+json";

    private final HttpClient client;
    private final Duration requestTimeout;
    private final String userAgent;

    HttpClientTransport(Executor executor, Duration requestTimeout, String userAgent) {
        this.client = HttpClient.newBuilder()
                .executor(executor)
                .connectTimeout(requestTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.requestTimeout = requestTimeout;
        this.userAgent = userAgent;
    }

    @Override
    public CompletionStage<Integer> post(URI url, byte[] body, String authorization) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("Content-Type", CONTENT_TYPE)
                .header("User-Agent", userAgent)
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    /** Aborts the requests under way and releases the client's connections and selector thread. */
    @Override
    public void close() {
        client.shutdownNow();
    }
}
