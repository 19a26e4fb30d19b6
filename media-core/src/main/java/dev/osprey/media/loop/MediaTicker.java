package dev.osprey.media.loop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The one periodic timer of an event loop: every tick it calls each registered {@link Tickable} with the current time.
 * Tracks and transports register here instead of scheduling timers of their own, so the number of timers is the
 * number of event loops, not of participants. Registration is copy-on-write (control path); ticks read a snapshot.
 * Tests drive {@link #tick()} by hand with a manual clock.
 */
public final class MediaTicker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MediaTicker.class);
    private static final Tickable[] NONE = new Tickable[0];

    private final LongSupplier nanoClock;
    private volatile Tickable[] tickables = NONE;
    private ScheduledFuture<?> schedule;
    private long failures;

    public MediaTicker(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Ticks every {@code intervalNanos} on {@code loop} until {@link #close()}. */
    public synchronized void start(ScheduledExecutorService loop, long intervalNanos) {
        if (schedule == null) {
            schedule = loop.scheduleAtFixedRate(this::tick, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
        }
    }

    public synchronized void register(Tickable t) {
        Tickable[] current = tickables;
        Tickable[] next = Arrays.copyOf(current, current.length + 1);
        next[current.length] = t;
        tickables = next;
    }

    public synchronized void unregister(Tickable t) {
        Tickable[] current = tickables;
        for (int i = 0; i < current.length; i++) {
            if (current[i] == t) {
                Tickable[] next = new Tickable[current.length - 1];
                System.arraycopy(current, 0, next, 0, i);
                System.arraycopy(current, i + 1, next, i, current.length - i - 1);
                tickables = next;
                return;
            }
        }
    }

    /** Runs one tick now (on the owning loop). A failing tickable is logged and does not stop the others. */
    public void tick() {
        long now = nanoClock.getAsLong();
        for (Tickable t : tickables) {
            try {
                t.onTick(now);
            } catch (RuntimeException e) {
                failures++;
                LOG.atWarn().setCause(e).addKeyValue("tickable", t).log("tick failed");
            }
        }
    }

    public int registered() {
        return tickables.length;
    }

    /** Tickables that threw so far. */
    public long failures() {
        return failures;
    }

    @Override
    public synchronized void close() {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
    }
}
