package dev.osprey.control.http;

import io.vertx.core.http.Cookie;

import java.util.ArrayList;
import java.util.List;

/**
 * What an endpoint answers: a status with a JSON body (or a plain-text or raw body, or a redirect), plus cookies and
 * headers to set.
 * Built on a worker thread and written by the router on the event loop.
 */
public final class Reply {

    private final int status;
    private final Object json;
    private final String text;
    private final String location;
    private final byte[] bytes;
    private final String contentType;
    private final List<Cookie> cookies = new ArrayList<>();
    private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

    private Reply(int status, Object json, String text, String location) {
        this(status, json, text, location, null, null);
    }

    private Reply(int status, Object json, String text, String location, byte[] bytes, String contentType) {
        this.status = status;
        this.json = json;
        this.text = text;
        this.location = location;
        this.bytes = bytes;
        this.contentType = contentType;
    }

    /** A raw body (a file download) with its media type. */
    public static Reply bytes(int status, String contentType, byte[] body) {
        return new Reply(status, null, null, null, body, contentType);
    }

    /** An extra response header. */
    public Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public byte[] bytes() {
        return bytes;
    }

    public String contentType() {
        return contentType;
    }

    public java.util.Map<String, String> headers() {
        return headers;
    }

    public static Reply ok(Object body) {
        return new Reply(200, body, null, null);
    }

    public static Reply status(int status, Object body) {
        return new Reply(status, body, null, null);
    }

    public static Reply text(int status, String text) {
        return new Reply(status, null, text, null);
    }

    public static Reply redirect(int status, String location) {
        return new Reply(status, null, null, location);
    }

    public Reply cookie(Cookie cookie) {
        cookies.add(cookie);
        return this;
    }

    public Reply cookies(List<Cookie> list) {
        cookies.addAll(list);
        return this;
    }

    public int status() {
        return status;
    }

    public Object json() {
        return json;
    }

    public String text() {
        return text;
    }

    public String location() {
        return location;
    }

    public List<Cookie> cookies() {
        return cookies;
    }
}
