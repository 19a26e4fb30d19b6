package dev.osprey.rtp.codec;

import io.netty.buffer.ByteBuf;

/**
 * The Opus table-of-contents byte and frame count, RFC 6716 §3.1–3.2: {@code config} (5 bits: mode, bandwidth and
 * frame duration), {@code s} (stereo) and {@code c} (frame count code: 0 one frame, 1 two equal, 2 two different,
 * 3 an arbitrary count in the next byte).
 */
public final class OpusToc {
    public static final int MODE_SILK = 0;
    public static final int MODE_HYBRID = 1;
    public static final int MODE_CELT = 2;

    /** Frame durations in microseconds per config, RFC 6716 §3.1 table 2. */
    private static final int[] FRAME_MICROS = {
        10_000, 20_000, 40_000, 60_000, 10_000, 20_000, 40_000, 60_000, 10_000, 20_000, 40_000, 60_000,
        10_000, 20_000, 10_000, 20_000,
        2_500, 5_000, 10_000, 20_000, 2_500, 5_000, 10_000, 20_000, 2_500, 5_000, 10_000, 20_000,
        2_500, 5_000, 10_000, 20_000,
    };

    private OpusToc() {
    }

    public static int config(int toc) {
        return toc >>> 3 & 0x1F;
    }

    public static boolean stereo(int toc) {
        return (toc & 0x04) != 0;
    }

    public static int frameCountCode(int toc) {
        return toc & 0x03;
    }

    /** SILK-only (configs 0–11), hybrid (12–15) or CELT-only (16–31). */
    public static int mode(int toc) {
        int config = config(toc);
        return config < 12 ? MODE_SILK : config < 16 ? MODE_HYBRID : MODE_CELT;
    }

    public static int frameDurationMicros(int toc) {
        return FRAME_MICROS[config(toc)];
    }

    /**
     * Number of frames in the Opus packet at {@code offset}, or -1 when it is malformed for its code (empty, code 1
     * with an odd number of frame bytes, code 2 or 3 without their length/count byte, a count of zero, or more than
     * 120 ms of audio, RFC 6716 §3.2.5).
     */
    public static int frameCount(ByteBuf buf, int offset, int length) {
        if (length < 1) {
            return -1;
        }
        int toc = buf.getUnsignedByte(offset);
        return switch (frameCountCode(toc)) {
            case 0 -> 1;
            case 1 -> (length - 1) % 2 == 0 ? 2 : -1; // two frames of equal size (RFC 6716 §3.2.2)
            case 2 -> length >= 2 ? 2 : -1;
            default -> {
                if (length < 2) {
                    yield -1;
                }
                int count = buf.getByte(offset + 1) & 0x3F;
                yield count == 0 || count * frameDurationMicros(toc) > 120_000 ? -1 : count;
            }
        };
    }

    /** Audio duration of the packet in microseconds, or -1 when malformed. */
    public static int packetDurationMicros(ByteBuf buf, int offset, int length) {
        int frames = frameCount(buf, offset, length);
        return frames < 0 ? -1 : frames * frameDurationMicros(buf.getUnsignedByte(offset));
    }
}
