package dev.osprey.rtp.extension;

import dev.osprey.rtp.RtpPacket;

/**
 * WebRTC {@code abs-capture-time}: an unsigned 64-bit NTP timestamp (32.32 fixed point seconds since 1900) of when
 * the first frame of the packet was captured, optionally followed by a signed Q32.32 estimate of the offset between
 * the capturer's clock and the sender's. Eight or sixteen bytes.
 */
public final class AbsoluteCaptureTime {
    private AbsoluteCaptureTime() {
    }

    /** Absolute index of a well-formed value (8 or 16 bytes), or -1. */
    public static int valueIndex(RtpPacket packet, int id) {
        int v = packet.extensionValueIndex(id);
        if (v < 0) {
            return -1;
        }
        int length = packet.extensionElementLength(v);
        return length == 8 || length == 16 ? v : -1;
    }

    /** The NTP capture timestamp of the value at {@code valueIndex} (from {@link #valueIndex}). */
    public static long captureNtpTimestamp(RtpPacket packet, int valueIndex) {
        return packet.buffer().getLong(valueIndex);
    }

    /** Whether the value at {@code valueIndex} carries the estimated capture clock offset. */
    public static boolean hasClockOffset(RtpPacket packet, int valueIndex) {
        return packet.extensionElementLength(valueIndex) == 16;
    }

    /** The signed Q32.32 estimated capture clock offset; only when {@link #hasClockOffset}. */
    public static long estimatedCaptureClockOffset(RtpPacket packet, int valueIndex) {
        return packet.buffer().getLong(valueIndex + 8);
    }
}
