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
    /**
     * {@code POST /twirp/<package>.<Service>/<Method>}: LiveKit's server API. Anything under {@code /twirp/} is
     * answered in Twirp's error format; behind a path prefix only the full {@code <prefix>/twirp/<service>/<method>}
     * shape is, so that a proxied Node SDK ({@code https://host/prefix}) reaches it too.
     */
    TWIRP,
    UNKNOWN;

    private static final String TWIRP_PREFIX = "/twirp/";

    /** Resolves a path already passed through {@link #normalizePath(String)}. */
    public static Route resolve(String path) {
        if (path.equals("/")) {
            return HEALTH;
        }
        if (path.startsWith(TWIRP_PREFIX)) {
            return TWIRP;
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
        return isTwirp(path) ? TWIRP : UNKNOWN;
    }

    /** Whether the path is {@code /twirp/...} or {@code <prefix>/twirp/<service>/<method>}. */
    public static boolean isTwirp(String path) {
        if (path.startsWith(TWIRP_PREFIX)) {
            return true;
        }
        int at = path.lastIndexOf(TWIRP_PREFIX);
        if (at < 0) {
            return false;
        }
        int serviceStart = at + TWIRP_PREFIX.length();
        int slash = path.indexOf('/', serviceStart);
        return slash > serviceStart && slash < path.length() - 1 && path.indexOf('/', slash + 1) < 0;
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
