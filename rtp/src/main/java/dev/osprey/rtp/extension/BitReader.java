package dev.osprey.rtp.extension;

import io.netty.buffer.ByteBuf;

/**
 * MSB-first bit reader over a byte range, with the AV1 RTP spec's {@code f(n)} and {@code ns(n)} (appendix A.4.1).
 * Reading past the end never touches bytes outside the range: it returns zeros and sets {@link #overrun()}, so
 * loops driven by read flags terminate and the caller checks once.
 */
final class BitReader {
    private ByteBuf buf;
    private int start;
    private int bitLength;
    private int position;
    private boolean overrun;

    void reset(ByteBuf buf, int index, int length) {
        this.buf = buf;
        this.start = index;
        this.bitLength = 8 * length;
        this.position = 0;
        this.overrun = false;
    }

    /** {@code f(n)}: the next {@code bits} bits (at most 32) as an unsigned number. */
    int read(int bits) {
        if (bits > bitLength - position) {
            overrun = true;
            position = bitLength;
            return 0;
        }
        int value = 0;
        for (int i = 0; i < bits; i++) {
            int bit = buf.getByte(start + (position >>> 3)) >>> (7 - (position & 7)) & 1;
            value = value << 1 | bit;
            position++;
        }
        return value;
    }

    boolean readFlag() {
        return read(1) == 1;
    }

    /** {@code ns(n)}: a non-symmetric unsigned number in {@code 0..n-1}. */
    int ns(int n) {
        int w = 32 - Integer.numberOfLeadingZeros(n);
        int m = (1 << w) - n;
        int v = read(w - 1);
        if (v < m) {
            return v;
        }
        return (v << 1) - m + read(1);
    }

    boolean overrun() {
        return overrun;
    }

    int position() {
        return position;
    }

    void skipTo(int bitPosition) {
        position = Math.min(bitPosition, bitLength);
    }
}
