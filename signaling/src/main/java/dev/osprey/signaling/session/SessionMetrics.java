package dev.osprey.signaling.session;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/** What an operator watches of signal sessions: live sessions, joins and their time, refusals, resumes. */
final class SessionMetrics {

    private final MeterRegistry registry;
    private final Timer joinTime;
    private final Counter resumed;
    private final Counter resumeRefused;

    SessionMetrics(MeterRegistry registry, IntSupplier activeSessions) {
        this.registry = registry;
        Gauge.builder("osprey.signal.sessions.active", activeSessions::getAsInt)
                .description("Participants with a signal session").register(registry);
        this.joinTime = Timer.builder("osprey.signal.join.duration")
                .description("Time to admit a participant into its room, before the JoinResponse")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(5)).register(registry);
        this.resumed = Counter.builder("osprey.signal.resumes").tag("result", "resumed")
                .description("Reconnects with reconnect=1 by outcome").register(registry);
        this.resumeRefused = Counter.builder("osprey.signal.resumes").tag("result", "state_mismatch")
                .description("Reconnects with reconnect=1 by outcome").register(registry);
    }

    void joined(long nanos) {
        joinTime.record(nanos, TimeUnit.NANOSECONDS);
    }

    void joinRefused(String reason) {
        registry.counter("osprey.signal.joins.refused", "reason", reason).increment();
    }

    void resumed(boolean ok) {
        (ok ? resumed : resumeRefused).increment();
    }

    void requestRejected(String request) {
        registry.counter("osprey.signal.requests.rejected", "request", request).increment();
    }

    /** A request that failed in a way no client input should cause: a bug, logged with its stack trace. */
    void requestFailed(String request) {
        registry.counter("osprey.signal.requests.failed", "request", request).increment();
    }
}
