package dev.osprey.control.http;

import dev.osprey.control.ControlApiConfig;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A fixed-window request budget per client IP, Bedrud's limiter semantics: {@code maxRequests} per window, then 429
 * with the limiter's message until the window ends. {@code maxRequests == 0} disables it. Stale windows are swept
 * when the table grows, so memory stays bounded by the clients seen in one window.
 */
public final class RateLimiter {

    private static final int SWEEP_THRESHOLD = 10_000;

    private final int maxRequests;
    private final long windowNanos;
    private final String message;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        final long startNanos;
        int count;

        Window(long startNanos) {
            this.startNanos = startNanos;
        }
    }

    public RateLimiter(ControlApiConfig.RateLimit.Limit limit, String message, LongSupplier nanoTime) {
        this.maxRequests = limit.maxRequests();
        this.windowNanos = Math.max(1, limit.windowSeconds()) * 1_000_000_000L;
        this.message = message;
        this.nanoTime = nanoTime;
    }

    public boolean enabled() {
        return maxRequests > 0;
    }

    public String message() {
        return message;
    }

    /** Counts one request from {@code key}; false when the budget of the current window is spent. */
    public boolean tryAcquire(String key) {
        if (!enabled()) {
            return true;
        }
        long now = nanoTime.getAsLong();
        if (windows.size() > SWEEP_THRESHOLD) {
            windows.values().removeIf(w -> now - w.startNanos >= windowNanos);
        }
        Window w = windows.compute(key, (k, old) -> {
            Window cur = old == null || now - old.startNanos >= windowNanos ? new Window(now) : old;
            cur.count++;
            return cur;
        });
        return w.count <= maxRequests;
    }
}
