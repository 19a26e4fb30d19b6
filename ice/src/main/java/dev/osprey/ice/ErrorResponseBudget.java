package dev.osprey.ice;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How many error responses to unauthenticated requests the agent may send, agent-wide: a generic cell-rate
 * limiter (one atomic "theoretical arrival time", no per-source state) with a one-second burst. RFC 8489 §9.1.3
 * asks for 400/401 answers, but a flood with spoofed sources must not turn the agent into a reflector; above the
 * budget the request is only counted.
 */
final class ErrorResponseBudget {
    private static final long BURST_MICROS = 1_000_000;

    private final long intervalMicros;
    private final AtomicLong theoreticalArrivalMicros = new AtomicLong();

    ErrorResponseBudget(int perSecond) {
        this.intervalMicros = perSecond == 0 ? 0 : Math.max(1, 1_000_000L / perSecond);
    }

    boolean tryAcquire(long nowMillis) {
        if (intervalMicros == 0) {
            return false;
        }
        long now = nowMillis * 1000;
        while (true) {
            long tat = theoreticalArrivalMicros.get();
            long next = Math.max(tat, now) + intervalMicros;
            if (next - now > BURST_MICROS) {
                return false;
            }
            if (theoreticalArrivalMicros.compareAndSet(tat, next)) {
                return true;
            }
        }
    }
}
