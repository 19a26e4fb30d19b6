package dev.osprey.control.livekit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpConnectOptions;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code /livekit/*} on the API port: a reverse proxy to LiveKit signaling with the prefix stripped
 * ({@code /livekit/rtc} → {@code /rtc}, {@code /livekit/rtc/validate}, {@code /livekit/twirp/...}), the way Bedrud
 * fronts its embedded LiveKit so that one origin serves the app, the API and the signaling WebSocket.
 *
 * <p>Plain requests are streamed both ways. A WebSocket upgrade is not terminated here: the handshake goes to the
 * backend with its {@code Sec-WebSocket-*} headers, and once the backend answers 101 (RFC 6455 section 4.2.2) the two
 * connections are spliced as raw byte streams, so extensions such as permessage-deflate (RFC 7692) and close codes
 * pass through untouched. All of it runs on the request's event loop without blocking; each direction is a Vert.x
 * pipe, which stops reading the source (Netty {@code autoRead} off) while the destination's write queue is full, so a
 * slow reader on either side holds back the writer instead of filling memory. The client's address is appended to
 * {@code X-Forwarded-For} (RFC 7239 section 5.2 describes the same chain) — a chain sent by the client is kept only
 * when a trusted proxy fronts the API.
 */
public final class SignalingProxy implements AutoCloseable {

    /** Path prefix under which the API port serves signaling. */
    public static final String PREFIX = "/livekit";
    private static final Logger LOG = LoggerFactory.getLogger(SignalingProxy.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    /** A plain request whose backend sends nothing for this long fails (WebSocket tunnels have no such limit). */
    private static final long IDLE_TIMEOUT_MILLIS = 60_000;
    /** Hop-by-hop headers (RFC 9110 section 7.6.1): they describe one connection, never forwarded. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    private final HttpClientAgent client;
    private final Backend backend;
    private final boolean trustForwarded;
    private final AtomicInteger openTunnels = new AtomicInteger();
    private final Counter requests;
    private final Counter upgrades;
    private final Counter failures;

    /** Where signaling listens: scheme, authority and an optional path prefix. */
    record Backend(String host, int port, boolean tls, String basePath) {

        static Backend parse(String url) {
            URI uri;
            try {
                uri = URI.create(url.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("livekit.signalingUrl is not a URL: " + url, e);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean tls = switch (scheme) {
                case "http", "ws" -> false;
                case "https", "wss" -> true;
                default -> throw new IllegalArgumentException("livekit.signalingUrl must be http(s) or ws(s): " + url);
            };
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("livekit.signalingUrl has no host: " + url);
            }
            int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return new Backend(uri.getHost(), port, tls, path.endsWith("/") ? path.substring(0, path.length() - 1)
                    : path);
        }
    }

    /**
     * @param signalingUrl   base URL of the signaling server, e.g. {@code http://127.0.0.1:7880}
     * @param trustForwarded a trusted proxy fronts the API: keep the {@code X-Forwarded-*} headers it sent
     */
    public SignalingProxy(Vertx vertx, String signalingUrl, boolean trustForwarded, MeterRegistry registry) {
        this.backend = Backend.parse(signalingUrl);
        this.trustForwarded = trustForwarded;
        HttpClientOptions options = new HttpClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
                .setSsl(backend.tls()).setTrustAll(false).setMaxInitialLineLength(64 * 1024)
                .setMaxHeaderSize(64 * 1024).setTcpNoDelay(true);
        // pooled connections carry plain requests, one at a time each
        this.client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(64)
                .setMaxWaitQueueSize(1024));
        this.requests = Counter.builder("osprey.control.proxy.requests").tag("kind", "http")
                .description("Requests proxied from /livekit to signaling").register(registry);
        this.upgrades = Counter.builder("osprey.control.proxy.requests").tag("kind", "websocket")
                .description("Requests proxied from /livekit to signaling").register(registry);
        this.failures = Counter.builder("osprey.control.proxy.failures")
                .description("Proxied requests that could not reach signaling").register(registry);
        Gauge.builder("osprey.control.proxy.tunnels", openTunnels, AtomicInteger::get)
                .description("WebSocket connections currently spliced to signaling").register(registry);
    }

    /** True for {@code /livekit} and everything below it. */
    public static boolean handles(String path) {
        return path != null && (path.equals(PREFIX) || path.startsWith(PREFIX + "/"));
    }

    /** Tunnels currently open (WebSocket connections spliced to the backend). */
    public int openTunnels() {
        return openTunnels.get();
    }

    /** Proxies one request; runs on the request's event loop. */
    public void handle(HttpServerRequest request) {
        request.pause();
        String uri = targetUri(request.uri());
        if (uri == null) {
            request.resume();
            reply(request.response(), 400, "Bad Request");
            return;
        }
        boolean upgrade = isUpgrade(request);
        RequestOptions options = new RequestOptions().setMethod(request.method()).setHost(backend.host())
                .setPort(backend.port()).setSsl(backend.tls()).setURI(backend.basePath() + uri).setFollowRedirects(false)
                .setHeaders(forwardHeaders(request, upgrade));
        if (!upgrade) {
            options.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
        }
        if (upgrade) {
            upgrades.increment();
            // a tunnel owns its connection for its whole life: taken outside the pool, it never starves plain requests
            client.connect(new HttpConnectOptions().setHost(backend.host()).setPort(backend.port())
                    .setSsl(backend.tls()).setConnectTimeout(CONNECT_TIMEOUT_MILLIS)).onComplete(conn -> {
                        if (conn.failed()) {
                            badGateway(request, conn.cause());
                            return;
                        }
                        conn.result().request(options).onComplete(ar -> {
                            if (ar.failed()) {
                                conn.result().close();
                                badGateway(request, ar.cause());
                            } else {
                                tunnel(request, ar.result(), conn.result());
                            }
                        });
                    });
        } else {
            requests.increment();
            client.request(options).onComplete(ar -> {
                if (ar.failed()) {
                    badGateway(request, ar.cause());
                } else {
                    relay(request, ar.result());
                }
            });
        }
    }

    /** The backend URI: the prefix stripped, the query kept; null for dot segments (nothing legitimate has them). */
    static String targetUri(String uri) {
        if (uri == null || !uri.startsWith(PREFIX)) {
            return null;
        }
        String path = uri.substring(PREFIX.length());
        if (path.isEmpty() || path.charAt(0) == '?') {
            path = "/" + path;
        } else if (path.charAt(0) != '/') {
            return null;
        }
        int query = path.indexOf('?');
        String rawPath = (query < 0 ? path : path.substring(0, query)).toLowerCase(Locale.ROOT);
        for (String segment : rawPath.split("/", -1)) {
            String s = segment.replace("%2e", ".");
            if (s.equals(".") || s.equals("..")) {
                return null;
            }
        }
        return path;
    }

    static boolean isUpgrade(HttpServerRequest request) {
        String upgrade = request.getHeader(HttpHeaders.UPGRADE);
        return upgrade != null && "websocket".equalsIgnoreCase(upgrade.strip())
                && headerHasToken(request.getHeader(HttpHeaders.CONNECTION), "upgrade");
    }

    private static boolean headerHasToken(String header, String token) {
        if (header == null) {
            return false;
        }
        for (String part : header.split(",")) {
            if (part.strip().equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    /** End-to-end request headers plus the forwarding chain; for an upgrade, the upgrade itself. */
    private MultiMap forwardHeaders(HttpServerRequest request, boolean upgrade) {
        MultiMap out = MultiMap.caseInsensitiveMultiMap();
        copyEndToEnd(request.headers(), out);
        out.remove(HttpHeaders.HOST);
        out.remove("X-Forwarded-For");
        out.remove("X-Forwarded-Proto");
        out.remove("X-Forwarded-Host");
        String peer = peerAddress(request.remoteAddress());
        String chain = trustForwarded ? request.getHeader("X-Forwarded-For") : null;
        out.set("X-Forwarded-For", chain == null || chain.isBlank() ? peer : chain.strip() + ", " + peer);
        String proto = trustForwarded ? request.getHeader("X-Forwarded-Proto") : null;
        out.set("X-Forwarded-Proto", proto == null || proto.isBlank() ? (request.isSSL() ? "https" : "http")
                : proto.strip());
        String host = trustForwarded ? request.getHeader("X-Forwarded-Host") : null;
        String originalHost = request.getHeader(HttpHeaders.HOST);
        if (host != null && !host.isBlank()) {
            out.set("X-Forwarded-Host", host.strip());
        } else if (originalHost != null) {
            out.set("X-Forwarded-Host", originalHost);
        }
        if (upgrade) {
            out.set(HttpHeaders.CONNECTION, "Upgrade");
            out.set(HttpHeaders.UPGRADE, "websocket");
        }
        return out;
    }

    private static String peerAddress(SocketAddress address) {
        if (address == null) {
            return "unknown";
        }
        String ip = address.hostAddress();
        return ip == null ? String.valueOf(address.host()) : ip;
    }

    /** Copies all headers except the hop-by-hop ones and any the {@code Connection} header names. */
    static void copyEndToEnd(MultiMap from, MultiMap to) {
        Set<String> named = new java.util.HashSet<>();
        for (String value : from.getAll(HttpHeaders.CONNECTION)) {
            for (String token : value.split(",")) {
                named.add(token.strip().toLowerCase(Locale.ROOT));
            }
        }
        for (var entry : from) {
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !named.contains(name)) {
                to.add(entry.getKey(), entry.getValue());
            }
        }
    }

    /** A plain request: the body streams to the backend, then the response streams back. */
    private void relay(HttpServerRequest request, HttpClientRequest backendRequest) {
        backendRequest.exceptionHandler(e -> LOG.debug("proxied request failed", e));
        boolean hasBody = request.headers().contains(HttpHeaders.CONTENT_LENGTH)
                || request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
        var sent = hasBody ? backendRequest.send(request) : backendRequest.send();
        if (!hasBody) {
            request.resume();
        }
        sent.onComplete(ar -> {
            if (ar.failed()) {
                badGateway(request, ar.cause());
            } else {
                respond(request, ar.result());
            }
        });
    }

    private Future<Void> respond(HttpServerRequest request, HttpClientResponse backendResponse) {
        HttpServerResponse response = request.response();
        if (response.headWritten() || response.closed()) {
            return backendResponse.request().connection().close();
        }
        response.setStatusCode(backendResponse.statusCode());
        if (backendResponse.statusMessage() != null) {
            response.setStatusMessage(backendResponse.statusMessage());
        }
        copyEndToEnd(backendResponse.headers(), response.headers());
        int status = backendResponse.statusCode();
        boolean bodiless = status == 204 || status == 304 || status < 200
                || request.method() == io.vertx.core.http.HttpMethod.HEAD;
        if (!bodiless && !response.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            response.setChunked(true);
        }
        return backendResponse.pipeTo(response).onFailure(e -> {
            LOG.debug("proxied response aborted", e);
            response.reset();
        });
    }

    /** The upgrade handshake goes to the backend; a 101 splices the two connections, anything else is relayed. */
    private void tunnel(HttpServerRequest request, HttpClientRequest backendRequest, HttpConnection connection) {
        backendRequest.connect().onComplete(ar -> {
            if (ar.failed()) {
                connection.close();
                badGateway(request, ar.cause());
                return;
            }
            HttpClientResponse backendResponse = ar.result();
            if (backendResponse.statusCode() != 101) {
                request.resume();
                respond(request, backendResponse).onComplete(done -> connection.close());
                return;
            }
            NetSocket back = backendResponse.netSocket();
            back.pause();
            HttpServerResponse response = request.response();
            response.headers().addAll(backendResponse.headers());
            request.toNetSocket().onComplete(front -> {
                if (front.failed()) {
                    LOG.debug("client went away during the upgrade", front.cause());
                    back.close();
                } else {
                    splice(front.result(), back);
                }
            });
        });
    }

    private void splice(NetSocket front, NetSocket back) {
        openTunnels.incrementAndGet();
        AtomicInteger ended = new AtomicInteger();
        Runnable done = () -> {
            if (ended.incrementAndGet() == 2) {
                openTunnels.decrementAndGet();
            }
        };
        // each pipe ends (closes) its destination when its source ends or fails, so a close on one side closes both
        front.pipeTo(back).onComplete(ar -> done.run());
        back.pipeTo(front).onComplete(ar -> done.run());
    }

    private void badGateway(HttpServerRequest request, Throwable cause) {
        failures.increment();
        LOG.warn("signaling unreachable at {}:{}: {}", backend.host(), backend.port(), String.valueOf(cause));
        request.resume();
        HttpServerResponse response = request.response();
        if (response.headWritten() || response.closed()) {
            response.reset();
            return;
        }
        reply(response, 502, "Bad Gateway");
    }

    private static void reply(HttpServerResponse response, int status, String message) {
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .end("{\"error\":\"" + message + "\"}");
    }

    @Override
    public void close() {
        client.close();
    }
}
