package dev.osprey.sctp;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * All timers of one association (RFC 9260 §4, §6.3, §8.3, §9.2; RFC 6525 §5.1.1) as deadlines, with at most one
 * task scheduled on the event loop for the earliest. Restarting T3-rtx on every SACK only moves a deadline later,
 * which costs no scheduling: the pending wake-up re-arms itself for whatever is due then.
 */
final class AssociationTimers {

    /** The association's timers. */
    enum Timer { T1_INIT, T1_COOKIE, T2_SHUTDOWN, T3_RTX, DELAYED_SACK, HEARTBEAT, RECONFIG }

    private static final long NONE = Long.MAX_VALUE;

    private final SctpScheduler scheduler;
    private final Consumer<Timer> onExpiry;
    private final long[] deadlines = new long[Timer.values().length];
    private final Runnable wakeUp = this::fire;
    private long scheduledFor = NONE;
    private SctpScheduler.Cancellable pending;

    AssociationTimers(SctpScheduler scheduler, Consumer<Timer> onExpiry) {
        this.scheduler = scheduler;
        this.onExpiry = onExpiry;
        Arrays.fill(deadlines, NONE);
    }

    void start(Timer kind, long delayNanos) {
        long deadline = scheduler.nanoTime() + Math.max(0, delayNanos);
        deadlines[kind.ordinal()] = deadline;
        if (deadline < scheduledFor) {
            arm(deadline);
        }
    }

    /** Starts the timer only if it is not running (T3-rtx rule R1 of §6.3.2). */
    void startIfStopped(Timer kind, long delayNanos) {
        if (!isRunning(kind)) {
            start(kind, delayNanos);
        }
    }

    void stop(Timer kind) {
        deadlines[kind.ordinal()] = NONE;
    }

    boolean isRunning(Timer kind) {
        return deadlines[kind.ordinal()] != NONE;
    }

    void stopAll() {
        Arrays.fill(deadlines, NONE);
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
        scheduledFor = NONE;
    }

    private void arm(long deadline) {
        if (pending != null) {
            pending.cancel();
        }
        scheduledFor = deadline;
        pending = scheduler.schedule(wakeUp, deadline - scheduler.nanoTime());
    }

    private void fire() {
        pending = null;
        scheduledFor = NONE;
        long now = scheduler.nanoTime();
        for (Timer kind : Timer.values()) {
            if (deadlines[kind.ordinal()] <= now) {
                deadlines[kind.ordinal()] = NONE;
                onExpiry.accept(kind);
            }
        }
        long earliest = NONE;
        for (long d : deadlines) {
            earliest = Math.min(earliest, d);
        }
        if (earliest != NONE && earliest < scheduledFor) {
            arm(earliest);
        }
    }
}
