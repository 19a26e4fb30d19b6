package dev.osprey.signaling.data;

import dev.osprey.sctp.SctpScheduler;

import java.util.ArrayDeque;
import java.util.PriorityQueue;

/**
 * In-memory network and clock for SCTP associations on the test thread: packets queue here (so a send never
 * re-enters the association that sends) and run when the test pumps; timers run when it advances the clock.
 */
final class Wire implements SctpScheduler {
    private record Task(long at, long seq, Runnable run, boolean[] cancelled) {
    }

    private final ArrayDeque<Runnable> packets = new ArrayDeque<>();
    private final PriorityQueue<Task> timers = new PriorityQueue<>((a, b) -> a.at != b.at
            ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private long now = 1_000_000_000L;
    private long seq;

    void carry(Runnable delivery) {
        packets.add(delivery);
    }

    /** Delivers packets until none is in flight. */
    void pump() {
        Runnable next;
        while ((next = packets.poll()) != null) {
            next.run();
        }
    }

    /** Moves the clock in 5 ms steps, running due timers and delivering what they send. */
    void advanceMillis(long millis) {
        pump();
        for (long t = 0; t < millis; t += 5) {
            now += 5_000_000L;
            Task task;
            while ((task = timers.peek()) != null && task.at <= now) {
                timers.poll();
                if (!task.cancelled[0]) {
                    task.run.run();
                }
            }
            pump();
        }
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public Cancellable schedule(Runnable task, long delayNanos) {
        boolean[] cancelled = {false};
        timers.add(new Task(now + Math.max(0, delayNanos), seq++, task, cancelled));
        return () -> cancelled[0] = true;
    }
}
