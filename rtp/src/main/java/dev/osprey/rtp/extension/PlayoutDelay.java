package dev.osprey.rtp.extension;

import dev.osprey.rtp.RtpPacket;

/**
 * WebRTC {@code playout-delay}: three bytes holding a 12-bit minimum and a 12-bit maximum playout delay, each in
 * units of 10 ms (so up to 40.95 s).
 */
public final class PlayoutDelay {
    public static final int LENGTH = 3;
    /** Units of the two fields, in milliseconds. */
    public static final int GRANULARITY_MILLIS = 10;

    private PlayoutDelay() {
    }

    /** The raw 24-bit value (min in the high 12 bits), or -1 when absent or not three bytes. */
    public static int read(RtpPacket packet, int id) {
        int v = packet.extensionValueIndex(id);
        if (v < 0 || packet.extensionElementLength(v) != LENGTH) {
            return -1;
        }
        return packet.buffer().getInt(v - 1) & 0xFFFFFF; // one wide read; the element header precedes the value
    }

    public static int minDelayMillis(int raw) {
        return (raw >>> 12 & 0xFFF) * GRANULARITY_MILLIS;
    }

    public static int maxDelayMillis(int raw) {
        return (raw & 0xFFF) * GRANULARITY_MILLIS;
    }

    /** The raw value for a delay range; both bounds are rounded down to 10 ms and must fit 12 bits. */
    public static int encode(int minDelayMillis, int maxDelayMillis) {
        int min = minDelayMillis / GRANULARITY_MILLIS;
        int max = maxDelayMillis / GRANULARITY_MILLIS;
        if (min < 0 || max < 0 || min > 0xFFF || max > 0xFFF) {
            throw new IllegalArgumentException("playout delay out of range: " + minDelayMillis + ".." + maxDelayMillis);
        }
        return min << 12 | max;
    }
}
