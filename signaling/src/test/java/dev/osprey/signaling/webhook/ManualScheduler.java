package dev.osprey.signaling.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link WebhookScheduler} driven by the test: tasks run when {@link #advance} passes their time. */
final class ManualScheduler implements WebhookScheduler {

    private record Timer(long dueMillis, Runnable task) {
    }

    final List<Duration> delays = new ArrayList<>();
    private final List<Timer> timers = new ArrayList<>();
    private long nowMillis;

    @Override
    public synchronized void schedule(Duration delay, Runnable task) {
        delays.add(delay);
        timers.add(new Timer(nowMillis + delay.toMillis(), task));
    }

    /** Moves time on, running every task that falls due, in due order. */
    void advance(Duration by) {
        long until;
        synchronized (this) {
            until = nowMillis + by.toMillis();
        }
        while (true) {
            Timer next;
            synchronized (this) {
                next = timers.stream().filter(t -> t.dueMillis() <= until)
                        .min((a, b) -> Long.compare(a.dueMillis(), b.dueMillis())).orElse(null);
                if (next == null) {
                    nowMillis = until;
                    return;
                }
                timers.remove(next);
                nowMillis = next.dueMillis();
            }
            next.task().run();
        }
    }

    synchronized int pending() {
        return timers.size();
    }
}
