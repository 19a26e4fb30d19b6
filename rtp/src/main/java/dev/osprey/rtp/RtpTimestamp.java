package dev.osprey.rtp;

/**
 * Wraparound-safe arithmetic on raw 32-bit RTP timestamps (RFC 3550 §5.1), carried as {@code int}. Same serial
 * ordering as {@link SequenceNumber}: exactly 2^31 apart counts as older.
 */
public final class RtpTimestamp {
    private RtpTimestamp() {
    }

    /** Signed distance from {@code b} to {@code a}; positive when {@code a} is newer. */
    public static int diff(int a, int b) {
        return a - b;
    }

    /** Whether {@code a} comes after {@code b}. */
    public static boolean isNewer(int a, int b) {
        return a - b > 0;
    }

    /** {@code timestamp + delta} modulo 2^32. */
    public static int add(int timestamp, long delta) {
        return (int) (timestamp + delta);
    }

    /** The timestamp as an unsigned magnitude {@code 0..2^32-1}. */
    public static long unsigned(int timestamp) {
        return Integer.toUnsignedLong(timestamp);
    }
}
