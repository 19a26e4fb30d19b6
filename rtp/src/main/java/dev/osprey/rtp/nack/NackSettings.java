package dev.osprey.rtp.nack;

/**
 * Tuning of a {@link NackGenerator}.
 *
 * @param maxMissing            most sequence numbers tracked as missing at once; a larger loss burst is not NACKed
 *                              (asking for it would cost more than a key frame) and a key frame is asked for instead
 * @param maxRetries            NACKs sent for one sequence number before giving up on it
 * @param maxAgeNanos           a packet missing for longer than this is given up (it would arrive too late to play)
 * @param minRetryIntervalNanos floor of the interval between two NACKs for the same packet; the interval is otherwise
 *                              one round-trip time, the earliest a retransmission answering the first NACK can arrive
 * @param firstRequestDelayNanos time a gap may stay open before its first NACK, to absorb mild reordering (0: NACK at
 *                              the next {@link NackGenerator#collect})
 */
public record NackSettings(int maxMissing, int maxRetries, long maxAgeNanos, long minRetryIntervalNanos,
                           long firstRequestDelayNanos) {
    /** 1000 missing, 10 retries, 1 s age, 10 ms minimum interval, no first delay (libwebrtc-like). */
    public static final NackSettings DEFAULT = new NackSettings(1000, 10, 1_000_000_000L, 10_000_000L, 0);

    public NackSettings {
        if (maxMissing < 1 || maxMissing > 32768 || maxRetries < 1 || maxAgeNanos <= 0 || minRetryIntervalNanos < 0
                || firstRequestDelayNanos < 0) {
            throw new IllegalArgumentException("invalid NACK settings");
        }
    }
}
