package dev.osprey.sctp;

/**
 * The receiver's record of DATA TSNs (RFC 9260 §6.2, §6.7): the cumulative TSN, which TSNs above it arrived
 * (a ring bitmap as wide as the out-of-order window), and duplicates to report in the next SACK. TSNs beyond the
 * window are refused, which bounds memory whatever the peer sends.
 */
final class ReceivedTsns {

    /** The outcome of {@link #receive}. */
    enum Outcome { NEW, DUPLICATE, OUT_OF_WINDOW }

    private static final int[] NO_GAPS = new int[0];
    private static final long[] NO_DUPLICATES = new long[0];

    private final int window;
    private final long[] bits;
    private final long[] duplicates;
    private int duplicateCount;
    private long cumulativeTsn;
    private long highestTsn;
    /** Monotonic 64-bit count of the cumulative TSN, for keys that must not wrap. */
    private long cumulativeExtended;

    ReceivedTsns(int window, int maxDuplicates, long peerInitialTsn) {
        this.window = window;
        this.bits = new long[window / 64];
        this.duplicates = new long[maxDuplicates];
        this.cumulativeTsn = Tsn.add(peerInitialTsn, -1);
        this.highestTsn = cumulativeTsn;
        this.cumulativeExtended = 1L << 32;
    }

    Outcome receive(long tsn) {
        int ahead = Tsn.distance(tsn, cumulativeTsn);
        if (ahead <= 0) {
            recordDuplicate(tsn);
            return Outcome.DUPLICATE;
        }
        if (ahead > window) {
            return Outcome.OUT_OF_WINDOW;
        }
        if (isSet(tsn)) {
            recordDuplicate(tsn);
            return Outcome.DUPLICATE;
        }
        set(tsn);
        if (Tsn.lessThan(highestTsn, tsn)) {
            highestTsn = tsn;
        }
        advance();
        return Outcome.NEW;
    }

    /** Whether a TSN would be accepted as new, without recording it. */
    boolean wouldAccept(long tsn) {
        int ahead = Tsn.distance(tsn, cumulativeTsn);
        return ahead > 0 && ahead <= window && !isSet(tsn);
    }

    /**
     * RFC 3758 §3.6: moves the cumulative TSN to {@code newCumulative}, as if every TSN up to it had arrived.
     * Returns false (and changes nothing) for a value outside the window.
     */
    boolean forwardTo(long newCumulative) {
        int ahead = Tsn.distance(newCumulative, cumulativeTsn);
        if (ahead <= 0) {
            return true;
        }
        if (ahead > window) {
            return false;
        }
        for (int i = 0; i < ahead; i++) {
            cumulativeTsn = Tsn.add(cumulativeTsn, 1);
            clear(cumulativeTsn);
        }
        cumulativeExtended += ahead;
        if (Tsn.lessThan(highestTsn, cumulativeTsn)) {
            highestTsn = cumulativeTsn;
        }
        advance();
        return true;
    }

    private void advance() {
        long next = Tsn.add(cumulativeTsn, 1);
        while (Tsn.distance(next, highestTsn) <= 0 && isSet(next)) {
            clear(next);
            cumulativeTsn = next;
            cumulativeExtended++;
            next = Tsn.add(next, 1);
        }
    }

    long cumulativeTsn() {
        return cumulativeTsn;
    }

    long highestTsn() {
        return highestTsn;
    }

    /** The 64-bit, never-wrapping position of {@code tsn} (which must be within the window around the cumulative). */
    long extend(long tsn) {
        return cumulativeExtended + Tsn.distance(tsn, cumulativeTsn);
    }

    boolean hasGaps() {
        return highestTsn != cumulativeTsn;
    }

    /**
     * Gap ack blocks as (start, end) offset pairs from the cumulative TSN (RFC 9260 §3.3.4), at most
     * {@code maxBlocks} of them, lowest first.
     */
    int[] gapAckBlocks(int maxBlocks) {
        // offsets are 16-bit on the wire: what lies further out is simply not reported yet
        int span = Math.min(0xFFFF, Tsn.distance(highestTsn, cumulativeTsn));
        if (span <= 0) {
            return NO_GAPS;
        }
        int[] scratch = new int[2 * maxBlocks];
        int count = 0;
        int offset = 1;
        while (offset <= span && count < maxBlocks) {
            while (offset <= span && !isSet(Tsn.add(cumulativeTsn, offset))) {
                offset++;
            }
            if (offset > span) {
                break;
            }
            int start = offset;
            while (offset <= span && isSet(Tsn.add(cumulativeTsn, offset))) {
                offset++;
            }
            scratch[2 * count] = start;
            scratch[2 * count + 1] = offset - 1;
            count++;
        }
        return java.util.Arrays.copyOf(scratch, 2 * count);
    }

    /** The duplicates since the last call, then forgets them. */
    long[] takeDuplicates() {
        if (duplicateCount == 0) {
            return NO_DUPLICATES;
        }
        long[] out = java.util.Arrays.copyOf(duplicates, duplicateCount);
        duplicateCount = 0;
        return out;
    }

    boolean hasDuplicates() {
        return duplicateCount > 0;
    }

    private void recordDuplicate(long tsn) {
        if (duplicateCount < duplicates.length) {
            duplicates[duplicateCount++] = tsn;
        }
    }

    private boolean isSet(long tsn) {
        int bit = (int) (tsn & (window - 1));
        return (bits[bit >>> 6] & (1L << bit)) != 0;
    }

    private void set(long tsn) {
        int bit = (int) (tsn & (window - 1));
        bits[bit >>> 6] |= 1L << bit;
    }

    private void clear(long tsn) {
        int bit = (int) (tsn & (window - 1));
        bits[bit >>> 6] &= ~(1L << bit);
    }
}
