package dev.osprey.stun;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * An immutable lookup from a protocol code to the registered constant of an open enum, by binary search over a
 * sorted {@code int[]}: no boxing, so looking up a known code on the receive path allocates nothing.
 */
final class CodeTable<T> {
    private final int[] codes;
    private final Object[] values;

    private CodeTable(List<T> registered, ToIntFunction<T> codeOf) {
        List<T> sorted = new ArrayList<>(registered);
        sorted.sort((a, b) -> Integer.compare(codeOf.applyAsInt(a), codeOf.applyAsInt(b)));
        codes = new int[sorted.size()];
        values = new Object[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            codes[i] = codeOf.applyAsInt(sorted.get(i));
            values[i] = sorted.get(i);
            if (i > 0 && codes[i] == codes[i - 1]) {
                throw new IllegalStateException("code registered twice: " + codes[i]);
            }
        }
    }

    static <T> CodeTable<T> of(List<T> registered, ToIntFunction<T> codeOf) {
        return new CodeTable<>(registered, codeOf);
    }

    /** The registered constant for {@code code}, or {@code null}. */
    @SuppressWarnings("unchecked")
    T find(int code) {
        int i = Arrays.binarySearch(codes, code);
        return i >= 0 ? (T) values[i] : null;
    }

    @SuppressWarnings("unchecked")
    List<T> all() {
        List<T> out = new ArrayList<>(values.length);
        for (Object v : values) {
            out.add((T) v);
        }
        return List.copyOf(out);
    }
}
