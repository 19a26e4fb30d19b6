package dev.osprey.sctp;

import java.util.PriorityQueue;

/** A clock that moves only when a test says so; due tasks run in deadline order on the test thread. */
public final class ManualScheduler implements SctpScheduler {
    private record Task(long at, long seq, Runnable run, boolean[] cancelled) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.at != b.at
            ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private long now = 1_000_000_000L;
    private long seq;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public Cancellable schedule(Runnable task, long delayNanos) {
        boolean[] cancelled = {false};
        tasks.add(new Task(now + Math.max(0, delayNanos), seq++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Runs every task due within {@code nanos}, moving the clock to each one's time. */
    public void advance(long nanos) {
        long target = now + nanos;
        Task next;
        while ((next = tasks.peek()) != null && next.at <= target) {
            tasks.poll();
            now = Math.max(now, next.at);
            if (!next.cancelled[0]) {
                next.run.run();
            }
        }
        now = target;
    }

    public void advanceMillis(long millis) {
        advance(millis * 1_000_000);
    }

    /** Advances in steps of {@code stepMillis} until {@code done} holds or {@code maxMillis} passed. */
    public boolean runUntil(java.util.function.BooleanSupplier done, long stepMillis, long maxMillis) {
        for (long t = 0; t <= maxMillis; t += stepMillis) {
            if (done.getAsBoolean()) {
                return true;
            }
            advanceMillis(stepMillis);
        }
        return done.getAsBoolean();
    }
}
