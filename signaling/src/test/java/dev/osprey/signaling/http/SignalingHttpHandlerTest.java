package dev.osprey.signaling.http;

import dev.osprey.signaling.KnownRooms;
import dev.osprey.signaling.SignalingMetrics;
import dev.osprey.signaling.auth.AccessTokenVerifier;
import dev.osprey.signaling.join.ConnectRequestValidator;
import dev.osprey.signaling.ws.SignalSessionUpgrader;
import io.livekit.server.AccessToken;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ImmediateEventExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Raw HTTP/1.x through the real codec, for requests a well-behaved HTTP client refuses to send. */
class SignalingHttpHandlerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EmbeddedChannel channel = newChannel();

    private EmbeddedChannel newChannel() {
        SignalingMetrics metrics = new SignalingMetrics(registry);
        ConnectRequestValidator validator = new ConnectRequestValidator(
                new AccessTokenVerifier(Map.of("devkey", "secret"), Clock.systemUTC()), new KnownRooms(), true);
        RtcRoutes routes = new RtcRoutes(validator, new SignalSessionUpgrader(4096, metrics, Clock.systemUTC(),
                new DefaultChannelGroup(ImmediateEventExecutor.INSTANCE), null), metrics);
        return new EmbeddedChannel(new HttpServerCodec(), new HttpObjectAggregator(1024),
                new SignalingHttpHandler(new CorsPolicy(), routes));
    }

    @AfterEach
    void finish() {
        channel.finishAndReleaseAll();
    }

    private String exchange(String request) {
        channel.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.ISO_8859_1));
        StringBuilder out = new StringBuilder();
        for (ByteBuf chunk; (chunk = channel.readOutbound()) != null; ) {
            out.append(chunk.toString(StandardCharsets.ISO_8859_1));
            chunk.release();
        }
        return out.toString();
    }

    @Test
    void malformedPercentEncodingIsABadRequest() {
        String response = exchange("GET /rtc/validate?access_token=%zz HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 400 Bad Request").endsWith("\r\n\r\nmalformed query string");
        assertThat(channel.isActive()).isTrue();
        assertThat(registry.find("osprey.signaling.validations").tags("route", "validate", "status", "400").counter()
                .count()).isEqualTo(1);
    }

    @Test
    void malformedUpgradeQueryIsABadRequest() {
        String response = exchange("GET /rtc?access_token=%zz HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\n"
                + "Upgrade: websocket\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 400 Bad Request").endsWith("malformed query string");
    }

    private static String joinToken() {
        AccessToken jwt = new AccessToken("devkey", "secret");
        jwt.setIdentity("a");
        jwt.addGrants(new RoomJoin(true), new RoomName("r"));
        return jwt.toJwt();
    }

    @Test
    void validUpgradeWithoutWebSocketKeyIsABadHandshake() {
        String response = exchange("GET /rtc?access_token=" + joinToken() + " HTTP/1.1\r\nHost: x\r\n"
                + "Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 400 Bad Request").endsWith("malformed WebSocket handshake");
    }

    @Test
    void unsupportedWebSocketVersionGetsUpgradeRequired() {
        String response = exchange("GET /rtc?access_token=" + joinToken() + " HTTP/1.1\r\nHost: x\r\n"
                + "Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 99\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 426").contains("sec-websocket-version: 13");
    }

    @Test
    void garbageRequestIsABadRequestAndClosed() {
        String response = exchange("\u0001\u0002 nonsense\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 400 Bad Request");
        assertThat(channel.isActive()).isFalse();
    }

    @Test
    void http10WithoutKeepAliveIsClosedAfterTheAnswer() {
        String response = exchange("GET / HTTP/1.0\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.0 200 OK").contains("connection: close").endsWith("OK");
        assertThat(channel.isActive()).isFalse();
    }

    @Test
    void http11KeepsTheConnectionForTheNextRequest() {
        assertThat(exchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 200 OK");
        assertThat(exchange("HEAD /rtc/validate HTTP/1.1\r\nHost: x\r\n\r\n"))
                .startsWith("HTTP/1.1 401 Unauthorized").contains("content-length: 33").endsWith("\r\n\r\n");
        assertThat(exchange("GET /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 404 Not Found").endsWith("404 page not found");
        assertThat(channel.isActive()).isFalse();
    }

    @Test
    void idleKeepAliveConnectionIsClosed() {
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
        assertThat(channel.isActive()).isFalse();
    }

    @Test
    void forwardedAddressIsPreferredAsLiveKitDoes() {
        DefaultHttpHeaders headers = new DefaultHttpHeaders();
        InetSocketAddress peer = new InetSocketAddress("192.0.2.7", 4000);
        assertThat(RtcRoutes.clientAddress(headers, peer)).isEqualTo("192.0.2.7");
        headers.set("X-Real-IP", "198.51.100.1");
        assertThat(RtcRoutes.clientAddress(headers, peer)).isEqualTo("198.51.100.1");
        headers.set("X-Forwarded-For", "203.0.113.9");
        assertThat(RtcRoutes.clientAddress(headers, peer)).isEqualTo("203.0.113.9");
        headers.set("CF-Connecting-IP", "203.0.113.10");
        assertThat(RtcRoutes.clientAddress(headers, peer)).isEqualTo("203.0.113.10");
        assertThat(RtcRoutes.clientAddress(new DefaultHttpHeaders(), null)).isEmpty();
    }
}
