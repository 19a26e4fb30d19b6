package dev.osprey.control.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as Bedrud's JSON shows them: RFC 3339 (Go's {@code time.Time}) and the admin list's plain format. */
public final class Times {

    private static final DateTimeFormatter ADMIN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    /** RFC 3339 in UTC, or null. */
    public static String rfc3339(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis).toString();
    }

    /** {@code 2006-01-02 15:04:05} in UTC, or null. */
    public static String admin(Long epochMillis) {
        return epochMillis == null ? null : ADMIN.format(Instant.ofEpochMilli(epochMillis));
    }
}
