package dev.osprey.sctp;

/**
 * Retransmission timeout from RTT measurements (RFC 9260 §6.3.1): SRTT and RTTVAR smoothed with alpha 1/8 and beta
 * 1/4, RTO = SRTT + 4 RTTVAR clamped to [RTO.Min, RTO.Max], doubled on every T3 expiry (§6.3.3 E2).
 */
final class RtoEstimator {
    private final long minNanos;
    private final long maxNanos;
    private long srttNanos;
    private long rttVarNanos;
    private long rtoNanos;
    private boolean measured;

    RtoEstimator(SctpSettings settings) {
        this.minNanos = settings.rtoMinMillis() * 1_000_000;
        this.maxNanos = settings.rtoMaxMillis() * 1_000_000;
        this.rtoNanos = settings.rtoInitialMillis() * 1_000_000;
    }

    /** C1 for the first measurement, C2 for later ones, C3 clamps. */
    void onMeasurement(long rttNanos) {
        if (rttNanos < 0) {
            return;
        }
        if (!measured) {
            srttNanos = rttNanos;
            rttVarNanos = rttNanos / 2;
            measured = true;
        } else {
            rttVarNanos = rttVarNanos - rttVarNanos / 4 + Math.abs(srttNanos - rttNanos) / 4;
            srttNanos = srttNanos - srttNanos / 8 + rttNanos / 8;
        }
        // the RFC's clock granularity G is 1 ns here; 4 RTTVAR of 0 would make RTO = SRTT, so keep a 1 ms floor
        rtoNanos = clamp(srttNanos + Math.max(4 * rttVarNanos, 1_000_000));
    }

    /** E2: back off after a T3-rtx (or T1/T2/heartbeat) expiry. */
    void backOff() {
        rtoNanos = clamp(rtoNanos * 2);
    }

    long rtoNanos() {
        return rtoNanos;
    }

    long srttNanos() {
        return srttNanos;
    }

    private long clamp(long nanos) {
        return Math.max(minNanos, Math.min(maxNanos, nanos));
    }
}
