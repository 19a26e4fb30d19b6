package dev.osprey.rtp.rtcp;

/**
 * NTP timestamps as RTCP uses them (RFC 3550 §4): 64-bit fixed point, seconds since 1900 in the high word and the
 * fraction in the low word; the "compact" middle 32 bits (16.16) are what LSR and DLSR carry, and what round-trip
 * time is computed from (RFC 3550 §6.4.1).
 */
public final class NtpTime {
    /** Seconds from 1900-01-01 to 1970-01-01. */
    public static final long UNIX_EPOCH_OFFSET_SECONDS = 2_208_988_800L;

    private NtpTime() {
    }

    /** The NTP timestamp of a wall-clock instant given in nanoseconds since the Unix epoch. */
    public static long fromUnixNanos(long unixNanos) {
        long seconds = Math.floorDiv(unixNanos, 1_000_000_000L);
        long nanos = Math.floorMod(unixNanos, 1_000_000_000L);
        long fraction = (nanos << 32) / 1_000_000_000L;
        return (seconds + UNIX_EPOCH_OFFSET_SECONDS) << 32 | fraction;
    }

    /** Nanoseconds since the Unix epoch of an NTP timestamp (era 0, i.e. before 2036, as unsigned seconds). */
    public static long toUnixNanos(long ntp) {
        long seconds = (ntp >>> 32) - UNIX_EPOCH_OFFSET_SECONDS;
        long fraction = ntp & 0xFFFFFFFFL;
        return seconds * 1_000_000_000L + ((fraction * 1_000_000_000L) >>> 32);
    }

    /** The middle 32 bits: 16 bits of seconds and 16 of fraction. */
    public static int compact(long ntp) {
        return (int) (ntp >>> 16);
    }

    /** A duration in nanoseconds as compact NTP units (1/65536 s), saturated to 32 bits. */
    public static long durationToCompact(long nanos) {
        if (nanos <= 0) {
            return 0;
        }
        long units = (nanos / 1_000_000_000L << 16) + ((nanos % 1_000_000_000L) << 16) / 1_000_000_000L;
        return Math.min(units, 0xFFFFFFFFL);
    }

    /** Compact NTP units (1/65536 s) as nanoseconds. */
    public static long compactToNanos(long compact) {
        return ((compact & 0xFFFFFFFFL) * 1_000_000_000L) >>> 16;
    }

    /**
     * Round-trip time from a report block received at compact time {@code nowCompact} (RFC 3550 §6.4.1: arrival
     * minus LSR minus DLSR), in nanoseconds; -1 when the block carries no LSR, 0 if clock skew makes it negative.
     */
    public static long roundTripNanos(int nowCompact, long lastSenderReport, long delaySinceLastSenderReport) {
        if (lastSenderReport == 0) {
            return -1;
        }
        int rtt = nowCompact - (int) lastSenderReport - (int) delaySinceLastSenderReport;
        return rtt < 0 ? 0 : compactToNanos(rtt);
    }
}
