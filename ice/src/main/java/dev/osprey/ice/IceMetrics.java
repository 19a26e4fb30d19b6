package dev.osprey.ice;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The agent's meters, registered once so that counting on the packet path is a plain increment:
 * {@code osprey.ice.dropped.packets{reason}}, {@code osprey.ice.binding.responses{code}},
 * {@code osprey.ice.consent.expired}, {@code osprey.ice.selected.pair.changes}, {@code osprey.ice.transports}.
 */
final class IceMetrics {
    static final int SUCCESS = 200;

    private final Counter[] dropped = new Counter[DropReason.values().length];
    private final Map<Integer, Counter> responses;
    private final Counter consentExpired;
    private final Counter pairChanges;
    private final Counter listenerErrors;
    private final Counter socketErrors;
    private final AtomicInteger transports = new AtomicInteger();

    IceMetrics(MeterRegistry registry) {
        for (DropReason r : DropReason.values()) {
            dropped[r.ordinal()] = Counter.builder("osprey.ice.dropped.packets")
                    .description("Packets the ICE agent dropped, by reason")
                    .tag("reason", r.tag()).register(registry);
        }
        responses = Map.of(
                SUCCESS, response(registry, SUCCESS),
                400, response(registry, 400),
                401, response(registry, 401),
                420, response(registry, 420),
                487, response(registry, 487));
        consentExpired = Counter.builder("osprey.ice.consent.expired")
                .description("Transports that lost consent (RFC 7675)").register(registry);
        pairChanges = Counter.builder("osprey.ice.selected.pair.changes")
                .description("Selected-pair switches (nomination, media on another pair, consent loss)")
                .register(registry);
        listenerErrors = Counter.builder("osprey.ice.listener.errors")
                .description("Exceptions thrown by transport listeners").register(registry);
        socketErrors = Counter.builder("osprey.ice.socket.errors")
                .description("I/O errors on the agent's sockets (failed writes, resets)").register(registry);
        Gauge.builder("osprey.ice.transports", transports, AtomicInteger::get)
                .description("Registered ICE transports").register(registry);
    }

    private static Counter response(MeterRegistry registry, int code) {
        return Counter.builder("osprey.ice.binding.responses")
                .description("Binding responses sent, by code (200 for success)")
                .tag("code", Integer.toString(code)).register(registry);
    }

    void dropped(DropReason reason) {
        dropped[reason.ordinal()].increment();
    }

    void response(int code) {
        Counter c = responses.get(code);
        if (c != null) {
            c.increment();
        }
    }

    void consentExpired() {
        consentExpired.increment();
    }

    void selectedPairChanged() {
        pairChanges.increment();
    }

    void listenerError() {
        listenerErrors.increment();
    }

    void socketError() {
        socketErrors.increment();
    }

    void transportAdded() {
        transports.incrementAndGet();
    }

    void transportRemoved() {
        transports.decrementAndGet();
    }
}
