package dev.osprey.turn.server;

import dev.osprey.turn.allocation.AllocationQuota;
import dev.osprey.turn.allocation.RelayPortAllocator;
import dev.osprey.turn.metrics.TurnMetrics;
import io.netty.channel.Channel;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Makes allocations live and deletes them (RFC 8656 §7, §8): each live allocation is known to the sweeper of its
 * event loop, holds a relay port and a quota slot, and is attached to its client 5-tuple. Deletion gives all of that
 * back exactly once, whether the lifetime ran out, the client asked (Refresh with lifetime 0), its TCP connection
 * closed or the server stopped.
 */
public final class AllocationRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(AllocationRegistry.class);
    private final RelayPortAllocator ports;
    private final AllocationQuota quota;
    private final TurnMetrics metrics;
    private final TurnClock clock;
    private final HairpinRelay hairpin;
    private final Map<EventExecutor, AllocationSweeper> sweepers = new ConcurrentHashMap<>();
    private final List<ScheduledFuture<?>> timers = new ArrayList<>();
    private volatile boolean scheduleTimers = true;

    public AllocationRegistry(RelayPortAllocator ports, AllocationQuota quota, TurnMetrics metrics, TurnClock clock) {
        this.ports = ports;
        this.quota = quota;
        this.metrics = metrics;
        this.clock = clock;
        this.hairpin = new HairpinRelay(new PeerDataRelay(metrics));
    }

    /** Relaying between the live UDP allocations of this registry. */
    public HairpinRelay hairpin() {
        return hairpin;
    }

    /** Tests drive {@link AllocationSweeper#sweep} themselves; call before the first allocation. */
    public void disableTimers() {
        scheduleTimers = false;
    }

    /** Makes a bound allocation live on its event loop's sweeper. Runs on that loop. */
    public void register(Allocation allocation) {
        allocation.makeLive();
        sweeperOf(allocation.client().eventLoop()).add(allocation);
        hairpin.add(allocation);
        metrics.allocationCreated();
        LOG.debug("TURN allocation made: {}", allocation);
    }

    /**
     * Deletes {@code allocation}, once. Runs on its event loop. A pending allocation (relay socket still being
     * bound) only gives back its quota here; the Allocate handler releases its port when the bind completes.
     */
    public void delete(Allocation allocation) {
        boolean wasLive = allocation.state() == Allocation.State.LIVE;
        if (!allocation.markDeleted()) {
            return;
        }
        allocation.client().detach(allocation);
        quota.release(allocation.account());
        if (wasLive) {
            release(allocation);
        }
    }

    private void release(Allocation allocation) {
        AllocationSweeper sweeper = sweepers.get(allocation.client().eventLoop());
        if (sweeper != null) {
            sweeper.remove(allocation);
        }
        hairpin.remove(allocation);
        allocation.flushPending(); // hands off what it relayed to other loops in this batch
        if (allocation.tcp() != null) {
            allocation.tcp().closeAll(); // RFC 6062 §5.5: data connections end with their allocation
        }
        Channel relay = allocation.relayChannel();
        if (relay != null) {
            relay.close();
            ports.release(allocation.relayAddress().getPort());
        }
        allocation.permissions().clear();
        allocation.channels().clear();
        metrics.allocationDeleted();
        LOG.debug("TURN allocation deleted: {}", allocation);
    }

    /** The sweeper of {@code loop}, created (and scheduled every second) on first use. */
    public AllocationSweeper sweeperOf(EventExecutor loop) {
        return sweepers.computeIfAbsent(loop, this::newSweeper);
    }

    private AllocationSweeper newSweeper(EventExecutor loop) {
        AllocationSweeper sweeper = new AllocationSweeper(this, clock.nanoTime());
        if (scheduleTimers) {
            synchronized (timers) {
                timers.add(loop.scheduleAtFixedRate(() -> sweepOnLoop(sweeper), 1, 1, TimeUnit.SECONDS));
            }
        }
        return sweeper;
    }

    private void sweepOnLoop(AllocationSweeper sweeper) {
        long now = clock.nanoTime();
        sweeper.sweep(now);
        ports.expireReservations(now);
    }

    /** Deletes every allocation on its own loop and stops the timers; returns when all are gone. */
    public void deleteAll() {
        synchronized (timers) {
            timers.forEach(timer -> timer.cancel(false));
            timers.clear();
        }
        for (Map.Entry<EventExecutor, AllocationSweeper> entry : sweepers.entrySet()) {
            AllocationSweeper sweeper = entry.getValue();
            entry.getKey().submit(() -> sweeper.allocations().forEach(this::delete)).syncUninterruptibly();
        }
        sweepers.clear(); // a restarted server schedules fresh sweepers
    }
}
