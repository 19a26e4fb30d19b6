package dev.osprey.media.loop;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The media event loops: one {@link MediaLoop} (with its ticker) per executor of a Netty group, handed out round-robin
 * to participants as they join.
 */
public final class MediaLoopGroup implements AutoCloseable {
    private final List<MediaLoop> loops;
    private final AtomicInteger next = new AtomicInteger();

    private MediaLoopGroup(List<MediaLoop> loops) {
        if (loops.isEmpty()) {
            throw new IllegalArgumentException("no event loops");
        }
        this.loops = List.copyOf(loops);
    }

    /** One loop per executor of {@code group}, each ticking every {@code tickIntervalNanos}. */
    public static MediaLoopGroup of(EventExecutorGroup group, LongSupplier nanoClock, long tickIntervalNanos) {
        List<MediaLoop> loops = new ArrayList<>();
        for (EventExecutor executor : group) {
            MediaTicker ticker = new MediaTicker(nanoClock);
            ticker.start(executor, tickIntervalNanos);
            loops.add(new MediaLoop(executor, ticker, nanoClock));
        }
        return new MediaLoopGroup(loops);
    }

    /** Exactly the given loops (tests: manual loops). */
    public static MediaLoopGroup of(List<MediaLoop> loops) {
        return new MediaLoopGroup(loops);
    }

    /** The loop for the next participant. */
    public MediaLoop next() {
        return loops.get(Math.floorMod(next.getAndIncrement(), loops.size()));
    }

    public List<MediaLoop> loops() {
        return loops;
    }

    @Override
    public void close() {
        loops.forEach(l -> l.ticker().close());
    }
}
