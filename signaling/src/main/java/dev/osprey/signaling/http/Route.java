package dev.osprey.signaling.http;

/**
 * The paths the signaling port serves. LiveKit clients append {@code /rtc}, {@code /rtc/validate}, {@code /rtc/v1}
 * or {@code /rtc/v1/validate} to whatever path the user's URL has, so a server behind a reverse proxy at
 * {@code wss://host/livekit} sees {@code /livekit/rtc}: the RTC routes match on the last path segments, while the
 * health probe is the root only.
 */
public enum Route {
    /** {@code GET|HEAD /}: LiveKit's health probe (also what {@code Room.prepareConnection()} hits). */
    HEALTH,
    /** {@code /rtc}: the v0 (dual peer connection) WebSocket. */
    RTC,
    /** {@code /rtc/validate}: the same checks as {@link #RTC} without the upgrade. */
    RTC_VALIDATE,
    /** {@code /rtc/v1}: single peer connection signalling, not served yet, so clients fall back to {@link #RTC}. */
    RTC_V1,
    /** {@code /rtc/v1/validate}: answered with a plain 404 so that clients fall back to {@code /rtc}. */
    RTC_V1_VALIDATE,
    UNKNOWN;

    /** Resolves a path already passed through {@link #normalizePath(String)}. */
    public static Route resolve(String path) {
        if (path.equals("/")) {
            return HEALTH;
        }
        if (path.endsWith("/rtc/v1/validate")) {
            return RTC_V1_VALIDATE;
        }
        if (path.endsWith("/rtc/v1")) {
            return RTC_V1;
        }
        if (path.endsWith("/rtc/validate")) {
            return RTC_VALIDATE;
        }
        if (path.endsWith("/rtc")) {
            return RTC;
        }
        return UNKNOWN;
    }

    /**
     * Collapses repeated leading slashes ({@code //rtc} → {@code /rtc}), as LiveKit's {@code RemoveDoubleSlashes}
     * middleware does, so that a user URL ending in a slash still reaches the routes. An empty path is the root.
     */
    public static String normalizePath(String rawPath) {
        int start = 0;
        while (start + 1 < rawPath.length() && rawPath.charAt(start) == '/' && rawPath.charAt(start + 1) == '/') {
            start++;
        }
        String path = rawPath.substring(start);
        return path.isEmpty() ? "/" : path;
    }
}
