package dev.osprey.control.livekit;

import dev.osprey.control.ControlApiConfig;
import dev.osprey.control.support.Flood;
import dev.osprey.control.support.SignalingBackend;
import dev.osprey.control.support.TestServer;
import dev.osprey.control.support.TestServer.Res;
import dev.osprey.control.support.WsClient;
import io.netty.channel.Channel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /livekit/*} on the API port against a real Netty signaling stand-in: prefix stripping, plain requests in
 * both directions, the WebSocket upgrade passed through (permessage-deflate and close codes intact), refusals relayed,
 * back-pressure holding a fast writer on either side, and the client address in {@code X-Forwarded-For}.
 */
class SignalingProxyTest {

    static SignalingBackend backend;
    static TestServer api;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        backend = new SignalingBackend();
        api = new TestServer(c -> c.withLivekit(c.livekit().withSignalingUrl(backend.url())));
    }

    @AfterAll
    static void stop() {
        api.close();
        backend.close();
    }

    static URI ws(TestServer server, String pathAndQuery) {
        return URI.create(server.base().replace("http://", "ws://") + pathAndQuery);
    }

    @Test
    void validateAndTwirpReachSignalingWithThePrefixStripped() throws Exception {
        Res ok = api.get("/livekit/rtc/validate?access_token=good&auto_subscribe=1", null);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.raw().body()).isEqualTo("success");
        SignalingBackend.Seen seen = backend.last();
        assertThat(seen.uri()).isEqualTo("/rtc/validate?access_token=good&auto_subscribe=1");
        assertThat(seen.headers().get("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(seen.headers().get("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(seen.headers().get("X-Forwarded-Host")).isEqualTo(URI.create(api.base()).getAuthority());

        Res refused = api.get("/livekit/rtc/validate?access_token=forged", null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.raw().body()).isEqualTo("invalid token");

        byte[] body = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(body);
        HttpResponse<byte[]> twirp = HTTP.send(HttpRequest.newBuilder(
                        URI.create(api.base() + "/livekit/twirp/livekit.RoomService/ListRooms"))
                .header("Content-Type", "application/protobuf").header("Authorization", "Bearer lk-token")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(twirp.statusCode()).isEqualTo(200);
        assertThat(twirp.body()).isEqualTo(body);
        assertThat(twirp.headers().firstValue("X-Backend")).hasValue("signaling");
        seen = backend.last();
        assertThat(seen.uri()).isEqualTo("/twirp/livekit.RoomService/ListRooms");
        assertThat(seen.headers().get("Authorization")).isEqualTo("Bearer lk-token");
        assertThat(seen.body()).isEqualTo(body);
    }

    @Test
    void chunkedResponsesStreamThrough() throws Exception {
        int n = 1_500_000;
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(api.base() + "/livekit/stream?n=" + n))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).hasSize(n);
        for (int i = 0; i < n; i++) {
            if (r.body()[i] != (byte) (i % 251)) {
                throw new AssertionError("byte " + i + " differs");
            }
        }
    }

    @Test
    void onlyThePrefixIsProxiedAndDotSegmentsAreRefused() {
        Res root = api.get("/livekit", null);
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.raw().body()).isEqualTo("OK");
        assertThat(backend.last().uri()).isEqualTo("/");
        assertThat(api.get("/livekitx/rtc", null).status()).isEqualTo(404);
        Res dots = api.get("/livekit/%2E%2E/api/health", null);
        assertThat(dots.status()).isEqualTo(400);
        assertThat(dots.error()).isEqualTo("Bad Request");
        assertThat(api.get("/livekit/rtc/nope", null).raw().body()).isEqualTo("404 page not found");
    }

    @Test
    void unreachableSignalingIsABadGateway() throws Exception {
        int closedPort;
        try (var probe = new java.net.ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        try (TestServer down = new TestServer(c -> c.withLivekit(c.livekit()
                .withSignalingUrl("http://127.0.0.1:" + closedPort)))) {
            Res r = down.get("/livekit/rtc/validate?access_token=good", null);
            assertThat(r.status()).isEqualTo(502);
            assertThat(r.error()).isEqualTo("Bad Gateway");
            try (WsClient c = WsClient.open(ws(down, "/livekit/rtc?access_token=good"), false)) {
                assertThat(c.awaitHandshake().status()).isEqualTo(502);
            }
        }
    }

    @Test
    void noProxyWithoutASignalingAddress() {
        try (TestServer none = new TestServer(c -> c.withLivekit(c.livekit().withSignalingUrl("")))) {
            Res r = none.get("/livekit/rtc/validate?access_token=good", null);
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.error()).isEqualTo("Not Found");
        }
    }

    @Test
    void webSocketUpgradePassesThroughWithDeflateAndCloseCodes() throws Exception {
        try (WsClient c = WsClient.open(ws(api, "/livekit/rtc?access_token=good&protocol=16"), true)) {
            WsClient.Handshake h = c.awaitHandshake();
            assertThat(h.status()).isEqualTo(101);
            assertThat(h.headers().get("Sec-WebSocket-Extensions")).startsWith("permessage-deflate");
            SignalingBackend.Seen seen = backend.last();
            assertThat(seen.uri()).isEqualTo("/rtc?access_token=good&protocol=16");
            assertThat(seen.headers().get("Sec-WebSocket-Extensions")).contains("permessage-deflate");
            assertThat(seen.headers().get("X-Forwarded-For")).isEqualTo("127.0.0.1");

            String big = "a".repeat(256 * 1024);
            long before = backend.wireBytesIn.get();
            c.sendText(big);
            assertThat(c.next().text()).isEqualTo(big);
            // compressed end to end: the backend read a few hundred bytes for a 256 KiB message
            assertThat(backend.wireBytesIn.get() - before).isLessThan(16 * 1024);

            c.sendText("hello");
            assertThat(c.next().text()).isEqualTo("hello");
            c.sendClose(4001, "bye");
            WsClient.Message close = c.next();
            assertThat(close.closeCode()).isEqualTo(4001);
            assertThat(close.closeReason()).isEqualTo("bye");
            c.closed.get(10, TimeUnit.SECONDS);
        }
        try (WsClient c = WsClient.open(ws(api, "/livekit/rtc?access_token=good"), false)) {
            assertThat(c.awaitHandshake().status()).isEqualTo(101);
            c.sendText("close:4003");
            WsClient.Message close = c.next();
            assertThat(close.closeCode()).isEqualTo(4003);
            assertThat(close.closeReason()).isEqualTo("requested");
        }
    }

    @Test
    void refusedUpgradeIsRelayedAsHttp() throws Exception {
        try (WsClient c = WsClient.open(ws(api, "/livekit/rtc?access_token=forged"), true)) {
            WsClient.Handshake h = c.awaitHandshake();
            assertThat(h.status()).isEqualTo(401);
            assertThat(h.body()).isEqualTo("invalid token");
        }
    }

    @Test
    void manyTunnelsAtOnce() throws Exception {
        List<WsClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 80; i++) {
                clients.add(WsClient.open(ws(api, "/livekit/rtc?access_token=good"), i % 2 == 0));
            }
            for (WsClient c : clients) {
                assertThat(c.awaitHandshake().status()).isEqualTo(101);
            }
            for (int i = 0; i < clients.size(); i++) {
                clients.get(i).sendText("client-" + i);
            }
            for (int i = 0; i < clients.size(); i++) {
                assertThat(clients.get(i).next().text()).isEqualTo("client-" + i);
            }
        } finally {
            clients.forEach(WsClient::close);
        }
    }

    @Test
    void aSlowClientHoldsBackSignaling() throws Exception {
        try (WsClient c = WsClient.open(ws(api, "/livekit/rtc?access_token=good"), false)) {
            assertThat(c.awaitHandshake().status()).isEqualTo(101);
            c.channel().config().setAutoRead(false);
            c.sendText("flood");
            long flooded = backend.flooded.get(30, TimeUnit.SECONDS);
            // signaling's writes stalled far below the cap: the proxy stopped reading it while the client did not read
            assertThat(flooded).isPositive().isLessThan(Flood.CAP_BYTES / 4);
            c.channel().config().setAutoRead(true);
            c.channel().read();
            for (int n = 0; n < flooded / Flood.FRAME_BYTES; n++) {
                byte[] data = c.next().data();
                assertThat(data).hasSize(Flood.FRAME_BYTES);
                assertThat(Flood.number(data)).isEqualTo(n);
                assertThat(data[data.length - 1]).isEqualTo((byte) n);
            }
        }
    }

    @Test
    void aSlowSignalingHoldsBackTheClient() throws Exception {
        try (WsClient c = WsClient.open(ws(api, "/livekit/rtc?access_token=good"), false)) {
            assertThat(c.awaitHandshake().status()).isEqualTo(101);
            c.sendText("sink");
            assertThat(c.next().text()).isEqualTo("sinking");
            Channel sink = backend.sinking.get(10, TimeUnit.SECONDS);
            long written = Flood.start(c.channel()).stalled.get(30, TimeUnit.SECONDS);
            assertThat(written).isPositive().isLessThan(Flood.CAP_BYTES / 4);
            backend.sinkGoal = written;
            sink.config().setAutoRead(true);
            sink.read();
            assertThat(backend.sunk.get(30, TimeUnit.SECONDS)).isEqualTo(written);
        }
    }

    @Test
    void forwardedChainIsKeptOnlyBehindATrustedProxy() {
        api.send("GET", "/livekit/rtc/validate?access_token=good", null, null,
                Map.of("X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "https"));
        assertThat(backend.last().headers().get("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(backend.last().headers().get("X-Forwarded-Proto")).isEqualTo("http");
        try (TestServer fronted = new TestServer(c -> c.withLivekit(c.livekit().withSignalingUrl(backend.url()))
                .withServer(new ControlApiConfig.Server("127.0.0.1", 0, "", false, true, "Osprey",
                        c.server().bodyLimitBytes())))) {
            fronted.send("GET", "/livekit/rtc/validate?access_token=good", null, null,
                    Map.of("X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "https"));
            assertThat(backend.last().headers().get("X-Forwarded-For")).isEqualTo("203.0.113.7, 127.0.0.1");
            assertThat(backend.last().headers().get("X-Forwarded-Proto")).isEqualTo("https");
        }
    }

    @Test
    void targetUriStripsThePrefixAndRefusesDotSegments() {
        assertThat(SignalingProxy.targetUri("/livekit")).isEqualTo("/");
        assertThat(SignalingProxy.targetUri("/livekit?x=1")).isEqualTo("/?x=1");
        assertThat(SignalingProxy.targetUri("/livekit/rtc?access_token=a.b.c")).isEqualTo("/rtc?access_token=a.b.c");
        assertThat(SignalingProxy.targetUri("/livekit/twirp/livekit.RoomService/ListRooms"))
                .isEqualTo("/twirp/livekit.RoomService/ListRooms");
        assertThat(SignalingProxy.targetUri("/livekitrtc")).isNull();
        assertThat(SignalingProxy.targetUri("/livekit/../api")).isNull();
        assertThat(SignalingProxy.targetUri("/livekit/rtc/%2e")).isNull();
        assertThat(SignalingProxy.targetUri("http://evil/livekit/rtc")).isNull();
        assertThat(SignalingProxy.targetUri(null)).isNull();
    }

    @Test
    void hopByHopHeadersStayOnTheirConnection() {
        var in = io.vertx.core.MultiMap.caseInsensitiveMultiMap()
                .add("Connection", "keep-alive, X-Hop").add("X-Hop", "1").add("Keep-Alive", "timeout=5")
                .add("Transfer-Encoding", "chunked").add("TE", "trailers").add("Authorization", "Bearer t")
                .add("Sec-WebSocket-Key", "k");
        var out = io.vertx.core.MultiMap.caseInsensitiveMultiMap();
        SignalingProxy.copyEndToEnd(in, out);
        assertThat(out.names()).containsExactlyInAnyOrder("Authorization", "Sec-WebSocket-Key");
    }

    @Test
    void signalingUrlMustBeHttpOrWs() {
        assertThat(SignalingProxy.Backend.parse("http://127.0.0.1:7880"))
                .isEqualTo(new SignalingProxy.Backend("127.0.0.1", 7880, false, ""));
        assertThat(SignalingProxy.Backend.parse("wss://sfu.example.com/base/"))
                .isEqualTo(new SignalingProxy.Backend("sfu.example.com", 443, true, "/base"));
        for (String bad : List.of("ftp://x", "127.0.0.1:7880", "http://", "http://[::1")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> SignalingProxy.Backend.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
