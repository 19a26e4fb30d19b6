package dev.osprey.turn.api;

import dev.osprey.turn.server.TurnClock;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The system clocks plus an offset the test adds to, read from event loops and the test thread alike. */
final class MovableClock implements TurnClock {
    private final AtomicLong offsetNanos = new AtomicLong();

    @Override
    public long nanoTime() {
        return System.nanoTime() + offsetNanos.get();
    }

    @Override
    public long epochSeconds() {
        return System.currentTimeMillis() / 1000 + TimeUnit.NANOSECONDS.toSeconds(offsetNanos.get());
    }

    void advanceSeconds(long seconds) {
        offsetNanos.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }
}
