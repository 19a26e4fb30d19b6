package dev.osprey.rtp;

/**
 * Wraparound-safe arithmetic on 16-bit RTP sequence numbers (RFC 3550 §5.1), in the serial-number sense of
 * RFC 1982: {@code a} is newer than {@code b} when going forward from {@code b} reaches {@code a} in fewer than
 * 2^15 steps. At exactly 2^15 apart the order is undefined by RFC 1982; here the smaller forward distance wins
 * deterministically: {@code diff(b + 0x8000, b)} is -32768, so {@code b + 0x8000} counts as older.
 */
public final class SequenceNumber {
    /** Number of distinct sequence numbers. */
    public static final int MODULUS = 1 << 16;

    private SequenceNumber() {
    }

    /** Signed distance from {@code b} to {@code a} in {@code -32768..32767}; positive when {@code a} is newer. */
    public static int diff(int a, int b) {
        return (short) (a - b);
    }

    /** Whether {@code a} comes after {@code b}. */
    public static boolean isNewer(int a, int b) {
        return diff(a, b) > 0;
    }

    /** {@code seq + delta} modulo 2^16. */
    public static int add(int seq, int delta) {
        return (seq + delta) & 0xFFFF;
    }

    /** Forward distance from {@code from} to {@code to} in {@code 0..65535}. */
    public static int forwardDistance(int from, int to) {
        return (to - from) & 0xFFFF;
    }
}
