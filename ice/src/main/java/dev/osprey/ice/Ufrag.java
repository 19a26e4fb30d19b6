package dev.osprey.ice;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A local ufrag as a hash-map key. Lookups use a {@link Probe} over the USERNAME bytes in the receive buffer, so
 * routing a check to its transport creates no String and no key object.
 */
final class Ufrag {
    private final byte[] bytes;
    private final int hash;

    Ufrag(String ufrag) {
        this.bytes = ufrag.getBytes(StandardCharsets.US_ASCII);
        this.hash = hash(bytes);
    }

    private static int hash(byte[] b) {
        int h = 1;
        for (byte x : b) {
            h = 31 * h + x;
        }
        return h;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof Ufrag other) {
            return Arrays.equals(other.bytes, bytes);
        }
        return o instanceof Probe p && p.equals(this);
    }

    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /** A reusable, thread-confined view of ufrag bytes inside a buffer; only ever used for {@code get}. */
    static final class Probe {
        private ByteBuf buf;
        private int index;
        private int length;
        private int hash;

        Probe set(ByteBuf buffer, int from, int len) {
            this.buf = buffer;
            this.index = from;
            this.length = len;
            int h = 1;
            for (int i = 0; i < len; i++) {
                h = 31 * h + buffer.getByte(from + i);
            }
            this.hash = h;
            return this;
        }

        void clear() {
            buf = null;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Ufrag u) || u.hash != hash || u.bytes.length != length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (u.bytes[i] != buf.getByte(index + i)) {
                    return false;
                }
            }
            return true;
        }
    }
}
