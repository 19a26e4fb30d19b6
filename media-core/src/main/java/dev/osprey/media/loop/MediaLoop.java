package dev.osprey.media.loop;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ImmediateEventExecutor;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * An event loop as media-core uses it: the executor that owns a participant's media state (all its tracks'
 * receivers, forwarders and senders run there) and that loop's one {@link MediaTicker}.
 *
 * @param executor  runs tasks handed over from other loops ({@code execute}) and tells whether the caller is on it
 * @param ticker    the loop's periodic timer
 * @param nanoClock the monotonic clock
 */
public record MediaLoop(EventExecutor executor, MediaTicker ticker, LongSupplier nanoClock) {
    public MediaLoop {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** A loop that runs everything immediately on the caller and ticks only when told: for tests and benchmarks. */
    public static MediaLoop manual(LongSupplier nanoClock) {
        return new MediaLoop(ImmediateEventExecutor.INSTANCE, new MediaTicker(nanoClock), nanoClock);
    }

    /** Runs {@code task} on this loop: now when already on it, else handed over. */
    public void run(Runnable task) {
        if (executor.inEventLoop()) {
            task.run();
        } else {
            executor.execute(task);
        }
    }

    public long nanos() {
        return nanoClock.getAsLong();
    }
}
