package dev.osprey.control.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request that ends in an error reply: the HTTP status and Bedrud's {@code {"error": "..."}} body, optionally with
 * further fields (for example {@code requiresVerification}). Thrown by parsers, guards and endpoints; the router turns
 * it into the response. No stack trace is captured: it is control flow, not a bug.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final Map<String, Object> extra;

    public ApiException(int status, String message) {
        this(status, message, Map.of());
    }

    public ApiException(int status, String message, Map<String, Object> extra) {
        super(message, null, false, false);
        this.status = status;
        this.extra = new LinkedHashMap<>(extra);
    }

    public int status() {
        return status;
    }

    /** The JSON body: {@code error} first, then the extra fields. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", getMessage());
        body.putAll(extra);
        return body;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, message);
    }

    public static ApiException internal(String message) {
        return new ApiException(500, message);
    }
}
