package dev.osprey.control.admin;

import dev.osprey.control.OutboundEvents;
import dev.osprey.control.db.Webhook;
import dev.osprey.control.db.WebhookRepository;
import dev.osprey.control.http.ApiRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Bedrud's outbound webhooks (bedrud-api.md §2.4): {@code POST {event, timestamp, data:{roomId,roomName,userId}}}
 * signed {@code X-Bedrud-Signature: sha256=<hex HMAC-SHA256(secret, body)>}, with {@code X-Bedrud-Event} and
 * {@code X-Bedrud-Timestamp}, 10 s timeout, asynchronous and never failing the request that caused it.
 */
public final class OutboundWebhooks implements OutboundEvents {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundWebhooks.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WebhookRepository webhooks;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** The outcome of one delivery. */
    public record Delivery(String status, Integer httpStatus, long latencyMs, String error) {
    }

    public OutboundWebhooks(WebhookRepository webhooks, Clock clock) {
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @Override
    public void dispatch(String event, String roomId, String roomName, String userId) {
        try {
            for (Webhook w : webhooks.activeFor(event)) {
                deliver(w, event, roomId, roomName, userId);
            }
        } catch (RuntimeException e) {
            LOG.warn("webhook dispatch failed: event={}", event, e);
        }
    }

    public CompletableFuture<Delivery> deliver(Webhook w, String event, String roomId, String roomName,
                                               String userId) {
        long timestamp = clock.millis() / 1000;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("roomId", roomId);
        data.put("roomName", roomName);
        data.put("userId", userId);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("event", event);
        payload.put("timestamp", timestamp);
        payload.put("data", data);
        long start = System.nanoTime();
        try {
            byte[] body = ApiRouter.JSON.writeValueAsBytes(payload);
            HttpRequest request = HttpRequest.newBuilder(URI.create(w.url())).timeout(TIMEOUT)
                    .header("Content-Type", "application/json").header("X-Bedrud-Event", event)
                    .header("X-Bedrud-Timestamp", Long.toString(timestamp))
                    .header("X-Bedrud-Signature", "sha256=" + sign(w.secret(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((r, e) -> {
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (e != null) {
                    LOG.warn("webhook delivery failed: id={} event={}", w.id(), event);
                    return new Delivery("delivery_failed", null, ms, String.valueOf(e.getMessage()));
                }
                int code = r.statusCode();
                return new Delivery(code / 100 == 2 ? "success" : "non_2xx", code, ms, null);
            });
        } catch (Exception e) {
            return CompletableFuture.completedFuture(new Delivery("delivery_failed", null, 0, e.getMessage()));
        }
    }

    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is mandatory in every JDK", e);
        }
    }
}
