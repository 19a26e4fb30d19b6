package dev.osprey.rtp.rtcp;

/**
 * What a receiver reports about one source (RFC 3550 §6.4.1), computed as in appendix A: sequence number validation
 * and the extended highest sequence number (A.1), expected/lost counts and the fraction lost per reporting interval
 * (A.3), and interarrival jitter (A.8) in timestamp units.
 *
 * <p>Jitter is updated only by packets that advance the highest sequence number: a reordered or retransmitted packet
 * has a transit time that says nothing about network jitter. Arrival times are monotonic nanoseconds supplied by the
 * caller (ideally the socket's receive time). Single-threaded.
 */
public final class ReceptionStatistics {
    private static final int SEQ_MOD = 1 << 16;
    /** A.1: largest forward jump still treated as the same stream. */
    private static final int MAX_DROPOUT = 3000;
    /** A.1: largest backward jump treated as reordering rather than a restart. */
    private static final int MAX_MISORDER = 100;

    private final int clockRate;
    private final int minSequential;
    private boolean started;
    private int maxSeq;
    private long cycles;
    private long baseSeq;
    private int badSeq;
    private int probation;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private boolean haveTransit;
    private int transit;
    private long jitterQ4;
    private long firstArrivalNanos;
    private int lastSrCompact;
    private long lastSrArrivalNanos;
    private boolean haveSr;

    /**
     * @param clockRate     RTP clock rate of the payload (90000 for video, 48000 for Opus)
     * @param minSequential packets in sequence required before a source counts as valid (A.1's MIN_SEQUENTIAL; 1 when
     *                      the source is already authenticated, e.g. by SRTP)
     */
    public ReceptionStatistics(int clockRate, int minSequential) {
        if (clockRate <= 0 || minSequential < 1) {
            throw new IllegalArgumentException("clock rate and min sequential must be positive");
        }
        this.clockRate = clockRate;
        this.minSequential = minSequential;
    }

    /**
     * Accounts one received packet. Returns {@code false} while the source is on probation or for a packet the A.1
     * algorithm does not count (the first of a large jump).
     */
    public boolean onPacket(int sequenceNumber, int rtpTimestamp, long arrivalNanos) {
        int seq = sequenceNumber & 0xFFFF;
        if (!started) {
            started = true;
            firstArrivalNanos = arrivalNanos;
            initSequence(seq);
            maxSeq = (seq - 1) & 0xFFFF;
            probation = minSequential;
        }
        long before = extendedHighestSequence();
        if (!updateSequence(seq)) {
            return false;
        }
        if (!haveTransit || extendedHighestSequence() > before) {
            updateJitter(rtpTimestamp, arrivalNanos);
        }
        return true;
    }

    private void initSequence(int seq) {
        baseSeq = seq;
        maxSeq = seq;
        badSeq = SEQ_MOD + 1;
        cycles = 0;
        received = 0;
        receivedPrior = 0;
        expectedPrior = 0;
    }

    /** RFC 3550 A.1 update_seq. */
    private boolean updateSequence(int seq) {
        int udelta = (seq - maxSeq) & 0xFFFF;
        if (probation > 0) {
            if (seq == ((maxSeq + 1) & 0xFFFF)) {
                probation--;
                maxSeq = seq;
                if (probation == 0) {
                    initSequence(seq);
                    received++;
                    return true;
                }
            } else {
                probation = minSequential - 1;
                maxSeq = seq;
            }
            return false;
        }
        if (udelta < MAX_DROPOUT) {
            if (seq < maxSeq) {
                cycles += SEQ_MOD;
            }
            maxSeq = seq;
        } else if (udelta <= SEQ_MOD - MAX_MISORDER) {
            if (seq != badSeq) {
                badSeq = (seq + 1) & 0xFFFF;
                return false;
            }
            initSequence(seq);
            haveTransit = false;
        }
        received++;
        return true;
    }

    /** RFC 3550 A.8, integer form: the estimate is kept scaled by 16. */
    private void updateJitter(int rtpTimestamp, long arrivalNanos) {
        long elapsed = arrivalNanos - firstArrivalNanos;
        long arrivalUnits = elapsed / 1_000_000_000L * clockRate + elapsed % 1_000_000_000L * clockRate / 1_000_000_000L;
        int newTransit = (int) arrivalUnits - rtpTimestamp;
        if (haveTransit) {
            long d = Math.abs((long) newTransit - transit);
            jitterQ4 += d - ((jitterQ4 + 8) >> 4);
        }
        transit = newTransit;
        haveTransit = true;
    }

    /** Records a sender report from this source, for LSR/DLSR in the next report block. */
    public void onSenderReport(long ntpTimestamp, long arrivalNanos) {
        lastSrCompact = NtpTime.compact(ntpTimestamp);
        lastSrArrivalNanos = arrivalNanos;
        haveSr = true;
    }

    /** Packets counted (A.1 {@code received}). */
    public long received() {
        return received;
    }

    /** Cycles in the high bits, highest sequence number in the low 16 (A.1 {@code cycles + max_seq}). */
    public long extendedHighestSequence() {
        return cycles + maxSeq;
    }

    /** A.3 {@code expected}. */
    public long expected() {
        return started && probation == 0 ? extendedHighestSequence() - baseSeq + 1 : 0;
    }

    /** A.3 cumulative number of packets lost; negative with duplicates. */
    public long cumulativeLost() {
        return expected() - received;
    }

    /** Interarrival jitter in timestamp units. */
    public long jitter() {
        return jitterQ4 >> 4;
    }

    /**
     * The report block for this source at {@code nowNanos} (same clock as the arrivals), and the start of a new
     * reporting interval for the fraction lost (A.3).
     */
    public ReportBlock reportBlock(int ssrc, long nowNanos) {
        long expected = expected();
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = received - receivedPrior;
        expectedPrior = expected;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        int fraction = expectedInterval == 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
        long lost = Math.max(ReportBlock.MIN_CUMULATIVE_LOST, Math.min(ReportBlock.MAX_CUMULATIVE_LOST, cumulativeLost()));
        long lsr = haveSr ? Integer.toUnsignedLong(lastSrCompact) : 0;
        long dlsr = haveSr ? NtpTime.durationToCompact(nowNanos - lastSrArrivalNanos) : 0;
        return new ReportBlock(ssrc, Math.min(fraction, 255), (int) lost, extendedHighestSequence() & 0xFFFFFFFFL,
                Math.min(jitter(), 0xFFFFFFFFL), lsr, dlsr);
    }
}
