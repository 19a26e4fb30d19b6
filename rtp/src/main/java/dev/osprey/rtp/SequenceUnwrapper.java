package dev.osprey.rtp;

/**
 * Extends 16-bit sequence numbers to a monotonic 64-bit count across wraparound (the "extended highest sequence
 * number" of RFC 3550 §6.4.1, without its 32-bit truncation). Each value is placed at the extension closest to the
 * previous one, so reordering by up to 2^15 packets either way is resolved; an older packet may extend below the
 * first value seen, which makes the result negative rather than wrong.
 *
 * <p>Not thread-safe: one instance per stream, owned by its event loop.
 */
public final class SequenceUnwrapper {
    private long last;
    private boolean started;

    /** The extended value of {@code seq}; also remembers it as the reference for the next call. */
    public long unwrap(int seq) {
        long extended = peek(seq);
        last = extended;
        started = true;
        return extended;
    }

    /** The extended value {@code seq} would get, without moving the reference. */
    public long peek(int seq) {
        int s = seq & 0xFFFF;
        if (!started) {
            return s;
        }
        return last + SequenceNumber.diff(s, (int) last);
    }

    /** The last extended value returned by {@link #unwrap}; meaningless before the first call. */
    public long last() {
        return last;
    }

    public boolean started() {
        return started;
    }

    public void reset() {
        started = false;
        last = 0;
    }
}
