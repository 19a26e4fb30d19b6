package dev.osprey.sctp;

/**
 * Time for the association: the event loop's clock and timers in production, a manual clock in tests. Tasks run on
 * the association's thread; the association keeps at most one task scheduled at a time.
 */
public interface SctpScheduler {

    /** Monotonic time in nanoseconds. */
    long nanoTime();

    /** Runs {@code task} after {@code delayNanos}; the returned handle cancels it. */
    Cancellable schedule(Runnable task, long delayNanos);

    /** A scheduled task that may still be cancelled. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
