package dev.osprey.rtp;

/**
 * Extends raw 32-bit RTP timestamps to 64 bits across wraparound, placing each at the extension closest to the
 * previous value (so a jump of up to 2^31 ticks either way is resolved). Not thread-safe.
 */
public final class TimestampUnwrapper {
    private long last;
    private boolean started;

    public long unwrap(int timestamp) {
        long extended = started ? last + RtpTimestamp.diff(timestamp, (int) last) : Integer.toUnsignedLong(timestamp);
        last = extended;
        started = true;
        return extended;
    }

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
