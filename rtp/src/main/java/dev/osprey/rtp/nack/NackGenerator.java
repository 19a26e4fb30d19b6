package dev.osprey.rtp.nack;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Receiver-side NACK generation (RFC 4585 §6.2.1 generic NACK) for one media stream: {@link #onReceived} for every
 * arriving packet (by extended sequence number) records gaps as missing and clears late arrivals; {@link #collect}
 * periodically returns the sequence numbers due for a NACK, paced by the round-trip time and bounded by retries and
 * age (see {@link NackSettings}).
 *
 * <p>State lives in a ring over the last {@code window} sequence numbers (a power of two at least twice
 * {@code maxMissing}), so tracking allocates nothing; a missing packet that falls out of the window is given up.
 * Single-threaded: owned by one event loop.
 */
public final class NackGenerator {
    /** {@link #onReceived} flag: the packet filled a gap (a retransmission or a reordered packet). */
    public static final int RECOVERED = 1;
    /** {@link #onReceived} flag: the loss was too large to NACK; ask the sender for a key frame (PLI/FIR). */
    public static final int KEYFRAME_NEEDED = 2;

    private final NackSettings settings;
    private final LongSupplier nanoClock;
    private final int window;
    private final boolean[] missing;
    private final byte[] retries;
    private final long[] detectedAt;
    private final long[] requestedAt;
    private boolean started;
    private long highest;
    private long oldestMissing;
    private int missingCount;
    private long givenUp;
    private long recovered;

    public NackGenerator(NackSettings settings, LongSupplier nanoClock) {
        this.settings = settings;
        this.nanoClock = nanoClock;
        this.window = Integer.highestOneBit(Math.max(64, 2 * settings.maxMissing()) - 1) << 1;
        this.missing = new boolean[window];
        this.retries = new byte[window];
        this.detectedAt = new long[window];
        this.requestedAt = new long[window];
    }

    /** Records the arrival of {@code extendedSequence}; returns {@link #RECOVERED} / {@link #KEYFRAME_NEEDED} flags. */
    public int onReceived(long extendedSequence) {
        if (!started) {
            started = true;
            highest = extendedSequence;
            oldestMissing = extendedSequence + 1;
            return 0;
        }
        if (extendedSequence <= highest) {
            return clearLate(extendedSequence);
        }
        long gap = extendedSequence - highest - 1;
        if (gap > settings.maxMissing() - missingCount) {
            dropAllMissing();
            highest = extendedSequence;
            oldestMissing = extendedSequence + 1;
            return gap > 0 ? KEYFRAME_NEEDED : 0;
        }
        long now = nanoClock.getAsLong();
        for (long s = highest + 1; s < extendedSequence; s++) {
            markMissing(s, now);
        }
        overwrite(extendedSequence);
        highest = extendedSequence;
        return 0;
    }

    private int clearLate(long extendedSequence) {
        if (extendedSequence <= highest - window) {
            return 0;
        }
        int slot = slot(extendedSequence);
        if (!missing[slot]) {
            return 0;
        }
        missing[slot] = false;
        missingCount--;
        recovered++;
        return RECOVERED;
    }

    private void markMissing(long s, long now) {
        int slot = overwrite(s);
        missing[slot] = true;
        retries[slot] = 0;
        detectedAt[slot] = now;
        if (missingCount == 0) {
            oldestMissing = s;
        }
        missingCount++;
    }

    /** Takes the slot of {@code s} from the sequence number {@code window} before it, giving that one up if missing. */
    private int overwrite(long s) {
        int slot = slot(s);
        if (missing[slot]) {
            missing[slot] = false;
            missingCount--;
            givenUp++;
        }
        return slot;
    }

    private void dropAllMissing() {
        givenUp += missingCount;
        missingCount = 0;
        Arrays.fill(missing, false);
    }

    /**
     * Fills {@code out} with the 16-bit sequence numbers to NACK now, oldest first, and returns how many. A packet
     * is due once it has been missing for the first-request delay, and again each
     * {@code max(rttNanos, minRetryInterval)}; it is given up after {@code maxRetries} NACKs or {@code maxAge}.
     */
    public int collect(long rttNanos, int[] out) {
        if (missingCount == 0) {
            return 0;
        }
        long now = nanoClock.getAsLong();
        long interval = Math.max(rttNanos, settings.minRetryIntervalNanos());
        long from = Math.max(oldestMissing, highest - window + 1);
        long firstStillMissing = -1;
        int n = 0;
        for (long s = from; s <= highest; s++) {
            int slot = slot(s);
            if (!missing[slot]) {
                continue;
            }
            long age = now - detectedAt[slot];
            if (retries[slot] >= settings.maxRetries() || age > settings.maxAgeNanos()) {
                missing[slot] = false;
                missingCount--;
                givenUp++;
                continue;
            }
            if (firstStillMissing < 0) {
                firstStillMissing = s;
            }
            boolean due = retries[slot] == 0 ? age >= settings.firstRequestDelayNanos() : now - requestedAt[slot] >= interval;
            if (due && n < out.length) {
                out[n++] = (int) (s & 0xFFFF);
                retries[slot]++;
                requestedAt[slot] = now;
            }
        }
        oldestMissing = firstStillMissing < 0 ? highest + 1 : firstStillMissing;
        return n;
    }

    private int slot(long s) {
        return (int) s & (window - 1);
    }

    /** Sequence numbers currently missing. */
    public int missingCount() {
        return missingCount;
    }

    /** Whether {@code extendedSequence} is currently tracked as missing. */
    public boolean isMissing(long extendedSequence) {
        return started && extendedSequence <= highest && extendedSequence > highest - window
                && missing[slot(extendedSequence)];
    }

    /** Missing packets abandoned so far (retries, age, window or a burst too large to NACK). */
    public long givenUpCount() {
        return givenUp;
    }

    /** Gaps filled by late arrivals so far. */
    public long recoveredCount() {
        return recovered;
    }

    /** Forgets the stream (e.g. on an SSRC change). */
    public void reset() {
        started = false;
        missingCount = 0;
        Arrays.fill(missing, false);
    }
}
