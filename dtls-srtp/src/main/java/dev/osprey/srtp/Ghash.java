package dev.osprey.srtp;

/**
 * GHASH, the universal hash of GCM (NIST SP 800-38D §6.4), in plain Java with per-byte-position multiplication
 * tables: for each of the 16 byte positions of a block and each byte value, the product of that byte (at that
 * position) with H is precomputed, so one multiplication by H is 16 table lookups and XORs. 64 KiB per key.
 *
 * <p>Bit order is GCM's: the first bit of the block is the coefficient of x^0; a 128-bit value is held as two longs,
 * the first eight bytes big-endian in {@code high}.
 */
final class Ghash {

    /** GCM's reduction constant R = 11100001 || 0^120 (SP 800-38D §6.3). */
    private static final long R = 0xE100000000000000L;

    private final long[] table = new long[16 * 256 * 2];
    private long yHigh;
    private long yLow;

    Ghash(byte[] hashSubkey) {
        long vHigh = (long) AesCounterMode.LONG_BE.get(hashSubkey, 0);
        long vLow = (long) AesCounterMode.LONG_BE.get(hashSubkey, 8);
        long[] powers = new long[256];
        for (int k = 0; k < 128; k++) { // powers[k] = H * x^k
            powers[2 * k] = vHigh;
            powers[2 * k + 1] = vLow;
            boolean carry = (vLow & 1) != 0;
            vLow = (vLow >>> 1) | (vHigh << 63);
            vHigh >>>= 1;
            if (carry) {
                vHigh ^= R;
            }
        }
        for (int position = 0; position < 16; position++) {
            int base = position << 9;
            for (int bit = 0; bit < 8; bit++) {
                int mask = 1 << bit;
                int power = 8 * position + 7 - bit; // the byte's most significant bit is the lowest power
                for (int b = 0; b < mask; b++) {
                    table[base + 2 * (b | mask)] = table[base + 2 * b] ^ powers[2 * power];
                    table[base + 2 * (b | mask) + 1] = table[base + 2 * b + 1] ^ powers[2 * power + 1];
                }
            }
        }
    }

    void reset() {
        yHigh = 0;
        yLow = 0;
    }

    /** Absorbs {@code data[off, off+len)}, zero-padding the last partial block (as GCM pads A and C). */
    void update(byte[] data, int off, int len) {
        int end = off + len;
        int i = off;
        for (; i + 16 <= end; i += 16) {
            block((long) AesCounterMode.LONG_BE.get(data, i), (long) AesCounterMode.LONG_BE.get(data, i + 8));
        }
        if (i < end) {
            long high = 0;
            long low = 0;
            for (int j = 0; i + j < end; j++) {
                long b = data[i + j] & 0xFFL;
                if (j < 8) {
                    high |= b << (56 - 8 * j);
                } else {
                    low |= b << (56 - 8 * (j - 8));
                }
            }
            block(high, low);
        }
    }

    /** Absorbs the final length block: bit lengths of A and C. */
    void lengths(int aadBytes, int textBytes) {
        block((long) aadBytes << 3, (long) textBytes << 3);
    }

    /** Writes the 16-byte hash XOR {@code mask[0..16)} into {@code out[off..off+16)}. */
    void finish(byte[] mask, int maskOff, byte[] out, int off) {
        AesCounterMode.LONG_BE.set(out, off, yHigh ^ (long) AesCounterMode.LONG_BE.get(mask, maskOff));
        AesCounterMode.LONG_BE.set(out, off + 8, yLow ^ (long) AesCounterMode.LONG_BE.get(mask, maskOff + 8));
    }

    private void block(long high, long low) {
        long xHigh = yHigh ^ high;
        long xLow = yLow ^ low;
        long zHigh = 0;
        long zLow = 0;
        long[] t = table;
        for (int i = 0; i < 8; i++) {
            int shift = 56 - 8 * i;
            int a = (i << 9) | ((int) (xHigh >>> shift) & 0xFF) << 1;
            int b = ((i + 8) << 9) | ((int) (xLow >>> shift) & 0xFF) << 1;
            zHigh ^= t[a] ^ t[b];
            zLow ^= t[a + 1] ^ t[b + 1];
        }
        yHigh = zHigh;
        yLow = zLow;
    }
}
