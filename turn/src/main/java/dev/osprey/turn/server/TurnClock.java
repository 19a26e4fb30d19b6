package dev.osprey.turn.server;

/**
 * The two clocks the relay needs: a monotonic one for lifetimes and a wall clock for credential and nonce expiry.
 * Injected so that tests drive time instead of sleeping.
 */
public interface TurnClock {

    /** The system clocks. */
    TurnClock SYSTEM = new TurnClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long epochSeconds() {
            return System.currentTimeMillis() / 1000;
        }
    };

    /** Monotonic nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Seconds since the Unix epoch. */
    long epochSeconds();
}
