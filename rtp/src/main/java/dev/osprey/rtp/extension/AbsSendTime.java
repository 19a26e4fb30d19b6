package dev.osprey.rtp.extension;

import dev.osprey.rtp.RtpPacket;

/**
 * WebRTC {@code abs-send-time}: three bytes, the send time in seconds as unsigned 6.18 fixed point (so it wraps every
 * 64 s), used by receive-side bandwidth estimation (REMB).
 */
public final class AbsSendTime {
    /** Value length in bytes. */
    public static final int LENGTH = 3;

    private AbsSendTime() {
    }

    /** The 24-bit value, or -1 when absent or not three bytes long. */
    public static int read(RtpPacket packet, int id) {
        int v = packet.extensionValueIndex(id);
        if (v < 0 || packet.extensionElementLength(v) != LENGTH) {
            return -1;
        }
        return packet.buffer().getInt(v - 1) & 0xFFFFFF; // one wide read; the element header precedes the value
    }

    /** Overwrites the value in place; {@code false} when the packet has no three-byte element {@code id}. */
    public static boolean write(RtpPacket packet, int id, int value) {
        int v = packet.extensionValueIndex(id);
        if (v < 0 || packet.extensionElementLength(v) != LENGTH) {
            return false;
        }
        packet.buffer().setMedium(v, value);
        return true;
    }

    /** The 6.18 value of a monotonic time in nanoseconds (the seconds wrap modulo 64). */
    public static int fromNanos(long nanos) {
        long seconds = Math.floorDiv(nanos, 1_000_000_000L);
        long fraction = Math.floorMod(nanos, 1_000_000_000L);
        return (int) (((seconds & 0x3F) << 18) | ((fraction << 18) / 1_000_000_000L));
    }

    /** The time a 6.18 value stands for, in nanoseconds within its 64-second period. */
    public static long toNanos(int value) {
        return ((value & 0xFFFFFFL) * 1_000_000_000L) >> 18;
    }
}
