package dev.osprey.turn.allocation;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server-wide allocation cap ({@code max_allocations}, refused with 508 Insufficient Capacity) and the
 * per-account quota ({@code per_user_allocation_limit}, refused with 486 Allocation Quota Reached), RFC 8656 §7.2.
 * Shared by every event loop; touched only when an allocation is made or deleted.
 */
public final class AllocationQuota {
    private final int maxAllocations;
    private final int perAccountLimit;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> byAccount = new ConcurrentHashMap<>();

    /** @param maxAllocations 0 for no cap; @param perAccountLimit 0 for no per-account quota */
    public AllocationQuota(int maxAllocations, int perAccountLimit) {
        if (maxAllocations < 0 || perAccountLimit < 0) {
            throw new IllegalArgumentException("allocation limits must not be negative");
        }
        this.maxAllocations = maxAllocations;
        this.perAccountLimit = perAccountLimit;
    }

    /** Counts one more allocation for {@code account}, unless a limit forbids it. */
    public Outcome tryAcquire(String account) {
        int counted = total.incrementAndGet();
        if (maxAllocations > 0 && counted > maxAllocations) {
            total.decrementAndGet();
            return Outcome.SERVER_FULL;
        }
        boolean[] granted = {true};
        byAccount.compute(account, (name, count) -> {
            int current = count == null ? 0 : count;
            if (perAccountLimit > 0 && current >= perAccountLimit) {
                granted[0] = false;
                return count;
            }
            return current + 1;
        });
        if (!granted[0]) {
            total.decrementAndGet();
            return Outcome.ACCOUNT_QUOTA_REACHED;
        }
        return Outcome.GRANTED;
    }

    /** Gives back the allocation counted for {@code account}. */
    public void release(String account) {
        total.decrementAndGet();
        byAccount.computeIfPresent(account, (name, count) -> count <= 1 ? null : count - 1);
    }

    /** Allocations counted now, server-wide. */
    public int total() {
        return total.get();
    }

    /** Allocations counted now for {@code account}. */
    public int of(String account) {
        return byAccount.getOrDefault(account, 0);
    }

    /** What {@link #tryAcquire} decided. */
    public enum Outcome {
        GRANTED,
        /** 486 Allocation Quota Reached. */
        ACCOUNT_QUOTA_REACHED,
        /** 508 Insufficient Capacity. */
        SERVER_FULL
    }
}
