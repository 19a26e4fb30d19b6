package dev.osprey.media;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** A wall clock and a monotonic nanosecond clock that move only when a test says so. */
public final class ManualClock extends Clock implements LongSupplier {
    private long nanos = 1_000_000_000L;
    private final long epochMillisAtStart = 1_790_000_000_000L;

    public void advance(long amount, TimeUnit unit) {
        nanos += unit.toNanos(amount);
    }

    public void advanceMillis(long millis) {
        advance(millis, TimeUnit.MILLISECONDS);
    }

    public long nanos() {
        return nanos;
    }

    @Override
    public long getAsLong() {
        return nanos;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public long millis() {
        return epochMillisAtStart + nanos / 1_000_000L;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }
}
