package dev.osprey.signaling.http;

import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.Locale;
import java.util.Set;

/**
 * Cross-origin rules of LiveKit's signaling port: every origin is allowed (access tokens, not origins, protect the
 * endpoints), with the methods OPTIONS, HEAD, GET, POST, PATCH and DELETE and any request header; preflights are
 * cacheable for a day. The W3C Fetch standard, section 3.2 ("CORS protocol"), defines the headers.
 */
public final class CorsPolicy {

    private static final Set<String> ALLOWED_METHODS = Set.of("OPTIONS", "HEAD", "GET", "POST", "PATCH", "DELETE");
    private static final String MAX_AGE_SECONDS = "86400";

    /** A preflight is an OPTIONS request that names the method it wants to use. */
    public boolean isPreflight(HttpRequest request) {
        return request.method().equals(HttpMethod.OPTIONS)
                && request.headers().contains(HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD);
    }

    /**
     * Answers a preflight with 204; the allow headers are present only when the requested method is allowed, which
     * is how a browser learns that it is not.
     */
    public FullHttpResponse preflight(HttpRequest request) {
        FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(), HttpResponseStatus.NO_CONTENT);
        HttpHeaders out = response.headers();
        out.setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        out.add(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN)
                .add(HttpHeaderNames.VARY, HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD)
                .add(HttpHeaderNames.VARY, HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        String method = request.headers().get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD, "")
                .trim().toUpperCase(Locale.ROOT);
        if (origin == null || !ALLOWED_METHODS.contains(method)) {
            return response;
        }
        out.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, method)
                .set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, MAX_AGE_SECONDS);
        String requestedHeaders = request.headers().get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
        if (requestedHeaders != null && !requestedHeaders.isBlank()) {
            out.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, requestedHeaders.trim());
        }
        return response;
    }

    /** Adds the headers of an actual (non-preflight) cross-origin request to its response. */
    public void decorate(HttpRequest request, HttpResponse response) {
        response.headers().add(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN);
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        if (origin == null || !ALLOWED_METHODS.contains(request.method().name())) {
            return;
        }
        if (!response.headers().contains(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN)) {
            response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        }
        response.headers().set(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, "*");
    }
}
