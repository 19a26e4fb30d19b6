package dev.osprey.signaling.twirp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code osprey.signaling.twirp.requests}: Twirp calls by method ({@code unknown} when the route did not resolve)
 * and outcome ({@code ok} or the Twirp error code).
 */
final class TwirpMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    TwirpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void answered(RoomServiceMethod method, String outcome) {
        String methodName = method == null ? "unknown" : method.wireName();
        counters.computeIfAbsent(methodName + '|' + outcome, ignored -> Counter.builder("osprey.signaling.twirp.requests")
                .description("Twirp RoomService calls by method and outcome")
                .tag("method", methodName)
                .tag("outcome", outcome)
                .register(registry)).increment();
    }
}
