package dev.osprey.turn.server;

import java.util.concurrent.TimeUnit;

/** A clock the test moves by hand. */
final class ManualClock implements TurnClock {
    private long nanos = 1_000_000_000L;
    private long epochSeconds = 1_700_000_000L;

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public long epochSeconds() {
        return epochSeconds;
    }

    void advanceSeconds(long seconds) {
        nanos += TimeUnit.SECONDS.toNanos(seconds);
        epochSeconds += seconds;
    }
}
