package dev.osprey.control.http;

import dev.osprey.control.auth.SessionClaims;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * One request as an endpoint sees it: path and query parameters, headers and cookies, the parsed JSON body, the
 * client address and, on protected routes, the verified caller.
 */
public final class Call {

    private final RoutingContext ctx;
    private final String clientIp;
    private SessionClaims caller;
    private String accessToken;
    private JsonBody body;

    Call(RoutingContext ctx, String clientIp) {
        this.ctx = ctx;
        this.clientIp = clientIp;
    }

    /** The authenticated caller; guards guarantee it on protected routes. */
    public SessionClaims caller() {
        if (caller == null) {
            throw ApiException.unauthorized("Missing authorization");
        }
        return caller;
    }

    /** The caller on optional-auth routes, or null. */
    public SessionClaims callerOrNull() {
        return caller;
    }

    /** The raw access token the caller presented. */
    public String accessToken() {
        return accessToken;
    }

    void authenticate(SessionClaims claims, String token) {
        this.caller = claims;
        this.accessToken = token;
    }

    public JsonBody body() {
        if (body == null) {
            Buffer raw = ctx.body() == null ? null : ctx.body().buffer();
            body = JsonBody.parse(raw == null ? null : raw.getBytes());
        }
        return body;
    }

    /** The raw body bytes (webhook signatures are over the exact bytes). */
    public byte[] rawBody() {
        Buffer raw = ctx.body() == null ? null : ctx.body().buffer();
        return raw == null ? new byte[0] : raw.getBytes();
    }

    /** A multipart file field's upload (its bytes are in a temporary file until the response ends). */
    public record Upload(String fileName, long size, java.nio.file.Path file) {
        /** The uploaded bytes, at most {@code max} (a larger file is refused with {@code tooLarge}). */
        public byte[] read(long max, ApiException tooLarge) {
            if (size > max) {
                throw tooLarge;
            }
            try {
                byte[] data = java.nio.file.Files.readAllBytes(file);
                if (data.length > max) {
                    throw tooLarge;
                }
                return data;
            } catch (java.io.IOException e) {
                throw ApiException.internal("Failed to read upload");
            }
        }
    }

    /** The first file uploaded in the multipart field {@code name}, if any. */
    public java.util.Optional<Upload> upload(String name) {
        return ctx.fileUploads().stream().filter(f -> name.equals(f.name())).findFirst()
                .map(f -> new Upload(f.fileName() == null ? "" : f.fileName(), f.size(),
                        java.nio.file.Path.of(f.uploadedFileName())));
    }

    /** A multipart or URL-encoded form field, or "" when absent. */
    public String form(String name) {
        String v = ctx.request().getFormAttribute(name);
        return v == null ? "" : v;
    }

    public String path(String name) {
        String v = ctx.pathParam(name);
        return v == null ? "" : v;
    }

    /** A query parameter, or "" when absent. */
    public String query(String name) {
        String v = ctx.request().getParam(name);
        return v == null ? "" : v;
    }

    public String header(String name) {
        return ctx.request().getHeader(name);
    }

    public String cookie(String name) {
        Cookie c = ctx.request().getCookie(name);
        return c == null ? null : c.getValue();
    }

    public HttpMethod method() {
        return ctx.request().method();
    }

    public String clientIp() {
        return clientIp;
    }
}
