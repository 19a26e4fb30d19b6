package dev.osprey.media.forward;

/**
 * An immutable map from 32-bit SSRC to a value, for per-packet lookups without boxing: open addressing over a
 * power-of-two array, rebuilt on every change (changes are rare control-path events; lookups are per packet and read a
 * published snapshot without locking).
 *
 * @param <T> the value type
 */
public final class SsrcTable<T> {
    private static final SsrcTable<?> EMPTY = new SsrcTable<>(new int[0], new Object[0], 0);

    private final int[] keys;
    private final Object[] values;
    private final int size;

    private SsrcTable(int[] keys, Object[] values, int size) {
        this.keys = keys;
        this.values = values;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    public static <T> SsrcTable<T> empty() {
        return (SsrcTable<T>) EMPTY;
    }

    /** The value for {@code ssrc}, or {@code null}. */
    @SuppressWarnings("unchecked")
    public T get(int ssrc) {
        if (size == 0) {
            return null;
        }
        int mask = keys.length - 1;
        for (int i = mix(ssrc) & mask; ; i = (i + 1) & mask) {
            Object v = values[i];
            if (v == null) {
                return null;
            }
            if (keys[i] == ssrc) {
                return (T) v;
            }
        }
    }

    public int size() {
        return size;
    }

    /** A table with {@code ssrc} mapped to {@code value} (replacing any earlier mapping). */
    public SsrcTable<T> with(int ssrc, T value) {
        if (value == null) {
            throw new IllegalArgumentException("null value");
        }
        SsrcTable<T> without = without(ssrc);
        int[] ks = new int[without.size + 1];
        Object[] vs = new Object[without.size + 1];
        int n = without.copyInto(ks, vs);
        ks[n] = ssrc;
        vs[n] = value;
        return build(ks, vs, n + 1);
    }

    /** A table without {@code ssrc}. */
    public SsrcTable<T> without(int ssrc) {
        if (get(ssrc) == null) {
            return this;
        }
        int[] ks = new int[size];
        Object[] vs = new Object[size];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (values[i] != null && keys[i] != ssrc) {
                ks[n] = keys[i];
                vs[n++] = values[i];
            }
        }
        return build(ks, vs, n);
    }

    /** A table without any mapping to {@code value}. */
    public SsrcTable<T> withoutValue(T value) {
        SsrcTable<T> t = this;
        for (int i = 0; i < keys.length; i++) {
            if (values[i] == value) {
                t = t.without(keys[i]);
            }
        }
        return t;
    }

    private int copyInto(int[] ks, Object[] vs) {
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (values[i] != null) {
                ks[n] = keys[i];
                vs[n++] = values[i];
            }
        }
        return n;
    }

    private static <T> SsrcTable<T> build(int[] ks, Object[] vs, int n) {
        if (n == 0) {
            return empty();
        }
        int capacity = Integer.highestOneBit(Math.max(4, n * 2) - 1) << 1;
        int[] keys = new int[capacity];
        Object[] values = new Object[capacity];
        int mask = capacity - 1;
        for (int k = 0; k < n; k++) {
            int i = mix(ks[k]) & mask;
            while (values[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = ks[k];
            values[i] = vs[k];
        }
        return new SsrcTable<>(keys, values, n);
    }

    private static int mix(int ssrc) {
        int h = ssrc * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SsrcTable{");
        for (int i = 0; i < keys.length; i++) {
            if (values[i] != null) {
                sb.append(Integer.toUnsignedString(keys[i])).append('=').append(values[i]).append(' ');
            }
        }
        return sb.append('}').toString();
    }
}
