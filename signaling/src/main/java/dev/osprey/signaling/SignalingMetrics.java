package dev.osprey.signaling;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The signaling port's meters, registered on the registry the composition root hands in:
 * {@code osprey.signaling.connections} (open WebSocket sessions), {@code osprey.signaling.connections.opened},
 * {@code osprey.signaling.validations} by route and HTTP status, {@code osprey.signaling.frames.received} by
 * encoding and {@code osprey.signaling.frames.malformed} by reason.
 */
public final class SignalingMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger openConnections = new AtomicInteger();
    private final Counter connectionsOpened;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public SignalingMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("osprey.signaling.connections", openConnections, AtomicInteger::get)
                .description("Open signaling WebSocket sessions").register(registry);
        connectionsOpened = Counter.builder("osprey.signaling.connections.opened")
                .description("Signaling WebSocket sessions accepted").register(registry);
    }

    public void connectionOpened() {
        connectionsOpened.increment();
        openConnections.incrementAndGet();
    }

    public void connectionClosed() {
        openConnections.decrementAndGet();
    }

    public int openConnections() {
        return openConnections.get();
    }

    /** A session closed because the client sent nothing, not even a pong, for too long. */
    public void sessionTimedOut() {
        counter("osprey.signaling.sessions.timedout", "Sessions closed for client silence", "", "", "", "")
                .increment();
    }

    /** One join validation (on {@code /rtc} before the upgrade, or on {@code /rtc/validate}) and its HTTP status. */
    public void validation(String route, int status) {
        counter("osprey.signaling.validations", "Join validations by route and HTTP status",
                "route", route, "status", Integer.toString(status)).increment();
    }

    /** A well-formed signal request frame, by encoding ({@code protobuf} or {@code json}). */
    public void frameReceived(String encoding) {
        counter("osprey.signaling.frames.received", "Signal request frames decoded", "encoding", encoding, "", "")
                .increment();
    }

    /** A frame that could not be used: undecodable payload, oversize, wrong frame type, protocol violation. */
    public void frameMalformed(String reason) {
        counter("osprey.signaling.frames.malformed", "Signal frames rejected", "reason", reason, "", "").increment();
    }

    private Counter counter(String name, String description, String k1, String v1, String k2, String v2) {
        String id = name + '|' + v1 + '|' + v2;
        return counters.computeIfAbsent(id, ignored -> {
            Counter.Builder builder = Counter.builder(name).description(description);
            if (!k1.isEmpty()) {
                builder.tag(k1, v1);
            }
            if (!k2.isEmpty()) {
                builder.tag(k2, v2);
            }
            return builder.register(registry);
        });
    }
}
