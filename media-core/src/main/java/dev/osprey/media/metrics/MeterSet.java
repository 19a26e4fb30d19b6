package dev.osprey.media.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.ArrayList;
import java.util.List;

/**
 * The meters registered for one room, participant, track or subscription, removed together when it ends so that the
 * registry does not keep (and export) meters of things long gone.
 */
public final class MeterSet implements AutoCloseable {
    /** A set that holds nothing (metrics not wired). */
    public static final MeterSet NONE = new MeterSet(null);

    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();

    MeterSet(MeterRegistry registry) {
        this.registry = registry;
    }

    <M extends Meter> M add(M meter) {
        meters.add(meter);
        return meter;
    }

    public List<Meter> meters() {
        return List.copyOf(meters);
    }

    @Override
    public synchronized void close() {
        if (registry != null) {
            meters.forEach(registry::remove);
        }
        meters.clear();
    }
}
