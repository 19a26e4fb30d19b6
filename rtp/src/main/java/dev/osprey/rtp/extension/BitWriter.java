package dev.osprey.rtp.extension;

/** MSB-first bit writer into a byte array; the inverse of {@link BitReader}, including {@code ns(n)}. */
final class BitWriter {
    private byte[] out;
    private int position;

    void reset(byte[] out) {
        this.out = out;
        this.position = 0;
        java.util.Arrays.fill(out, (byte) 0);
    }

    void write(int value, int bits) {
        if (position + bits > 8 * out.length) {
            throw new IllegalStateException("descriptor longer than " + out.length + " bytes");
        }
        for (int i = bits - 1; i >= 0; i--) {
            if ((value >>> i & 1) != 0) {
                out[position >>> 3] |= (byte) (0x80 >>> (position & 7));
            }
            position++;
        }
    }

    void writeFlag(boolean flag) {
        write(flag ? 1 : 0, 1);
    }

    /** Writes {@code value} in {@code 0..n-1} so that {@link BitReader#ns(int)} reads it back. */
    void ns(int value, int n) {
        int w = 32 - Integer.numberOfLeadingZeros(n);
        int m = (1 << w) - n;
        if (value < m) {
            write(value, w - 1);
            return;
        }
        int t = value + m;
        write(t >>> 1, w - 1);
        write(t & 1, 1);
    }

    /** Bytes used so far, rounded up. */
    int byteLength() {
        return (position + 7) >>> 3;
    }
}
