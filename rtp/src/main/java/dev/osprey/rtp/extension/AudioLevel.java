package dev.osprey.rtp.extension;

import dev.osprey.rtp.RtpPacket;

/**
 * Client-to-mixer audio level, RFC 6464 §3: one byte, the V flag (voice activity) in the top bit and the level in
 * -dBov (0 loudest, 127 silence) in the low seven.
 */
public final class AudioLevel {
    /** The level of digital silence, 127 -dBov (RFC 6464 §3). */
    public static final int SILENCE = 127;

    private AudioLevel() {
    }

    /** The raw byte (V flag and level), or -1 when absent or empty. */
    public static int read(RtpPacket packet, int id) {
        int v = packet.extensionValueIndex(id);
        if (v < 0 || packet.extensionElementLength(v) < 1) {
            return -1;
        }
        return packet.buffer().getUnsignedByte(v);
    }

    /** The level in -dBov, 0..127, of a raw value from {@link #read}. */
    public static int levelDbov(int raw) {
        return raw & 0x7F;
    }

    /** The voice activity flag of a raw value from {@link #read}. */
    public static boolean voiceActivity(int raw) {
        return (raw & 0x80) != 0;
    }

    /** Encodes a level and voice activity flag into the raw byte. */
    public static int encode(int levelDbov, boolean voiceActivity) {
        if (levelDbov < 0 || levelDbov > SILENCE) {
            throw new IllegalArgumentException("level must be 0..127 -dBov, was " + levelDbov);
        }
        return (voiceActivity ? 0x80 : 0) | levelDbov;
    }
}
