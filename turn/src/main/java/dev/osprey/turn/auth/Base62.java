package dev.osprey.turn.auth;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * The base62 encoding LiveKit's TURN credentials use (the Go package {@code github.com/jxskiss/base62}, standard
 * alphabet {@code A–Z a–z 0–9}). It is not a radix conversion: the input is read as a bit string from its last bit
 * backwards, six bits per character; a 6-bit group whose middle four bits are all set (values 30, 31, 62, 63) would
 * not fit the 62-letter alphabet, so such a group emits only its low five bits (30 or 31) and its top bit is read
 * again as part of the next group. The last character carries whatever bits remain, without leading zeros.
 *
 * <p>Written from the description of the format; round trips and fixed vectors are in {@code Base62Test}.
 */
public final class Base62 {
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final byte[] VALUES = new byte[128];
    private static final int COMPACT_MASK = 0x1E;

    static {
        Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            VALUES[ALPHABET[i]] = (byte) i;
        }
    }

    private Base62() {
    }

    /** Encodes {@code src}; the empty array encodes to the empty string. */
    public static String encode(byte[] src) {
        StringBuilder out = new StringBuilder(src.length * 9 / 5 + 1);
        int remainingBits = src.length * 8;
        while (remainingBits > 0) {
            int start = Math.max(0, remainingBits - 6);
            int value = bitsAt(src, start, remainingBits - start);
            if ((value & COMPACT_MASK) == COMPACT_MASK) {
                if (start > 0 || value > 0x1F) {
                    start++; // the top bit is read again by the next group
                }
                value &= 0x1F;
            }
            out.append(ALPHABET[value]);
            remainingBits = start;
        }
        return out.toString();
    }

    /** Decodes {@code text}, or returns empty when it holds a character outside the alphabet. */
    public static Optional<byte[]> decode(CharSequence text) {
        int length = text.length();
        ByteArrayOutputStream reversed = new ByteArrayOutputStream(length * 6 / 8 + 1);
        int accumulator = 0;
        int bits = 0;
        for (int i = 0; i < length; i++) {
            int value = valueOf(text.charAt(i));
            if (value < 0) {
                return Optional.empty();
            }
            accumulator |= value << bits;
            bits += bitsCarried(value, i == length - 1);
            if (bits >= 8) {
                reversed.write(accumulator & 0xFF);
                accumulator >>>= 8;
                bits -= 8;
            }
        }
        if (bits > 0) {
            reversed.write(accumulator & 0xFF);
        }
        byte[] bytes = reversed.toByteArray();
        reverse(bytes);
        return Optional.of(bytes);
    }

    private static int bitsCarried(int value, boolean last) {
        if (last) {
            return 32 - Integer.numberOfLeadingZeros(value);
        }
        return (value & COMPACT_MASK) == COMPACT_MASK ? 5 : 6;
    }

    private static int valueOf(char c) {
        return c < VALUES.length ? VALUES[c] : -1;
    }

    /** The {@code count} (≤ 6) bits of {@code src} starting at bit {@code start}, counted from the first bit. */
    private static int bitsAt(byte[] src, int start, int count) {
        int value = 0;
        for (int bit = start; bit < start + count; bit++) {
            value = (value << 1) | ((src[bit >>> 3] >>> (7 - (bit & 7))) & 1);
        }
        return value;
    }

    private static void reverse(byte[] bytes) {
        for (int i = 0, j = bytes.length - 1; i < j; i++, j--) {
            byte t = bytes[i];
            bytes[i] = bytes[j];
            bytes[j] = t;
        }
    }
}
