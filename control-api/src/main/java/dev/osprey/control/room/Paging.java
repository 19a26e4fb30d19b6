package dev.osprey.control.room;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Page/limit query parameters and the {@code {<items>, total, page, limit}} envelope of list replies. */
public final class Paging {

    private Paging() {
    }

    /** 1-based page; anything unparsable or below 1 is 1. */
    public static int page(String raw) {
        int p = parse(raw, 1);
        return Math.max(1, Math.min(p, 1_000_000));
    }

    /** A limit in 1..max, {@code fallback} when absent and {@code overflow} when above max (Bedrud's clamp). */
    public static int limit(String raw, int fallback, int max, int overflow) {
        int l = parse(raw, fallback);
        if (l < 1) {
            return fallback;
        }
        return l > max ? overflow : l;
    }

    private static int parse(String raw, int fallback) {
        if (raw == null || raw.isEmpty() || raw.length() > 9) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public static Map<String, Object> body(String key, List<?> items, long total, int page, int limit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, items);
        m.put("total", total);
        m.put("page", page);
        m.put("limit", limit);
        return m;
    }
}
