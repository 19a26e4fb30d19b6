package dev.osprey.turn.allocation;

/**
 * The per-allocation bandwidth cap: a token bucket of bytes, refilled by the event loop's once-a-second sweep and
 * drained per relayed packet in either direction. Burst is one second's worth. Owned by the allocation's event loop,
 * so plain fields suffice; the hot path never reads a clock.
 */
public final class BandwidthBudget {
    private final long bytesPerSecond;
    private long available;

    /** @param bytesPerSecond the cap; 0 means unlimited */
    public BandwidthBudget(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("bandwidth cap must not be negative");
        }
        this.bytesPerSecond = bytesPerSecond;
        this.available = bytesPerSecond;
    }

    /** Takes {@code bytes} from the budget; false when the packet would exceed the cap and must be dropped. */
    public boolean tryConsume(int bytes) {
        if (bytesPerSecond == 0) {
            return true;
        }
        if (available < bytes) {
            return false;
        }
        available -= bytes;
        return true;
    }

    /** Adds what {@code elapsedNanos} of the cap is worth, up to one second's burst. */
    public void refill(long elapsedNanos) {
        if (bytesPerSecond == 0 || elapsedNanos <= 0) {
            return;
        }
        double earned = bytesPerSecond * (elapsedNanos / 1e9);
        available = (long) Math.min(bytesPerSecond, available + earned);
    }
}
