package dev.osprey.signaling.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code osprey.signaling.webhooks.sent} (a 2xx answer), {@code .failed} (given up: refused, or still failing after
 * the last attempt) and {@code .dropped} (never sent: the target's queue was full).
 */
final class WebhookMetrics {

    final Counter sent;
    final Counter failed;
    final Counter dropped;

    WebhookMetrics(MeterRegistry registry) {
        sent = Counter.builder("osprey.signaling.webhooks.sent").description("Webhook requests answered 2xx")
                .register(registry);
        failed = Counter.builder("osprey.signaling.webhooks.failed")
                .description("Webhook events given up after a refusal or the last failed attempt").register(registry);
        dropped = Counter.builder("osprey.signaling.webhooks.dropped")
                .description("Webhook events dropped because their target's queue was full").register(registry);
    }
}
