package dev.osprey.sctp;

/**
 * Serial number arithmetic on 32-bit TSNs and 16-bit SSNs (RFC 9260 §1.6, RFC 1982): values are compared by the
 * signed distance between them, so a TSN just past the 2^32 wrap is still "after" one just before it.
 */
public final class Tsn {
    private Tsn() {
    }

    /** {@code a - b} as a signed distance in serial space; both are unsigned 32-bit values held in longs. */
    public static int distance(long a, long b) {
        return (int) (a - b);
    }

    public static boolean lessThan(long a, long b) {
        return distance(a, b) < 0;
    }

    public static boolean lessOrEqual(long a, long b) {
        return distance(a, b) <= 0;
    }

    public static long add(long tsn, long delta) {
        return (tsn + delta) & 0xFFFFFFFFL;
    }

    /** 16-bit serial comparison for stream sequence numbers. */
    public static boolean ssnLessOrEqual(int a, int b) {
        return (short) (a - b) <= 0;
    }

    public static int nextSsn(int ssn) {
        return (ssn + 1) & 0xFFFF;
    }
}
