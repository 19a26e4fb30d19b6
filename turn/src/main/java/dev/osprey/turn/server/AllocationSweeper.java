package dev.osprey.turn.server;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The timer of one event loop (RFC 8656 §7, §9, §12 lifetimes): once a second it deletes the allocations of that loop
 * whose lifetime ran out, drops expired permissions and channel bindings, closes TCP peer data connections whose
 * ConnectionBind did not come (RFC 6062 §5.3), and refills bandwidth budgets. One scheduled task per loop, never one
 * per allocation; it runs on the loop that owns the allocations, so it needs no lock. Tests call {@link #sweep} with
 * the time they want.
 */
public final class AllocationSweeper {
    private final Set<Allocation> allocations = new LinkedHashSet<>();
    private final AllocationRegistry registry;
    private long lastSweepNanos;

    AllocationSweeper(AllocationRegistry registry, long nowNanos) {
        this.registry = registry;
        this.lastSweepNanos = nowNanos;
    }

    void add(Allocation allocation) {
        allocations.add(allocation);
    }

    void remove(Allocation allocation) {
        allocations.remove(allocation);
    }

    /** Applies every lifetime that ended by {@code nowNanos}. */
    public void sweep(long nowNanos) {
        long elapsed = nowNanos - lastSweepNanos;
        lastSweepNanos = nowNanos;
        List<Allocation> expired = new ArrayList<>();
        for (Allocation allocation : allocations) {
            if (allocation.isExpired(nowNanos)) {
                expired.add(allocation);
                continue;
            }
            allocation.permissions().expire(nowNanos);
            allocation.channels().expire(nowNanos);
            if (allocation.tcp() != null) {
                allocation.tcp().expirePending(nowNanos);
            }
            allocation.budget().refill(elapsed);
        }
        for (Allocation allocation : expired) {
            registry.delete(allocation);
        }
    }

    /** The allocations this loop owns now. */
    public List<Allocation> allocations() {
        return List.copyOf(allocations);
    }
}
