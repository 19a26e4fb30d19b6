package dev.osprey.signaling;

import io.livekit.server.AccessToken;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import io.micrometer.core.instrument.Counter;
import livekit.LivekitRtc.LeaveRequest;
import livekit.LivekitRtc.Ping;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static dev.osprey.signaling.auth.HandBuiltTokens.hs256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RtcRoutesTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static LoopbackServer server;
    private static LoopbackServer strict;

    @BeforeAll
    static void start() throws InterruptedException {
        server = new LoopbackServer(new SignalingConfig("127.0.0.1", 0, Map.of("devkey", "secret"), true, 4096));
        strict = new LoopbackServer(new SignalingConfig("127.0.0.1", 0, Map.of("devkey", "secret"), false, 4096));
    }

    @AfterAll
    static void stop() {
        server.close();
        strict.close();
    }

    static String token(String identity, String room) {
        AccessToken token = new AccessToken("devkey", "secret");
        token.setIdentity(identity);
        token.addGrants(new RoomJoin(true), new RoomName(room));
        return token.toJwt();
    }

    private static HttpResponse<String> get(LoopbackServer on, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(on.http(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertAnswer(HttpResponse<String> response, int status, String body) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).isEqualTo(body);
        assertThat(response.headers().firstValue("access-control-allow-origin")).hasValue("*");
        assertThat(response.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
    }

    @Test
    void validateAnswersSuccessForAGoodToken() throws Exception {
        assertAnswer(get(server, "/rtc/validate?access_token=" + token("alice", "r") + "&protocol=17&sdk=js"),
                200, "success");
        Counter ok = server.registry.find("osprey.signaling.validations").tags("route", "validate", "status", "200")
                .counter();
        assertThat(ok).isNotNull();
        assertThat(ok.count()).isPositive();
    }

    @Test
    void validateAcceptsTheBearerHeader() throws Exception {
        assertAnswer(get(server, "/rtc/validate", "Authorization", "Bearer " + token("bob", "r")), 200, "success");
        assertAnswer(get(server, "/rtc/validate", "Authorization", "Token " + token("bob", "r")), 401,
                "invalid authorization header. Must start with Bearer ");
    }

    @Test
    void validateRejectsBadTokensWithPlainTextReasons() throws Exception {
        assertAnswer(get(server, "/rtc/validate?access_token=nonsense"), 401, "invalid authorization token");
        assertAnswer(get(server, "/rtc/validate"), 401, "no permissions to access the room");
        assertAnswer(get(server, "/rtc/validate?access_token="
                + hs256("{\"iss\":\"devkey\",\"sub\":\"a\",\"exp\":1000}", "secret")), 401,
                "invalid authorization token: token is expired");
        assertAnswer(get(server, "/rtc/validate?access_token="
                + hs256("{\"iss\":\"devkey\",\"sub\":\"a\",\"exp\":99999999999}", "wrong")), 401,
                "invalid authorization token: signature is invalid");
        assertAnswer(get(server, "/rtc/validate?access_token=" + token("", "r")), 400, "identity cannot be empty");
    }

    @Test
    void validateReportsAMissingRoomOnlyWhenAutoCreateIsOff() throws Exception {
        assertAnswer(get(strict, "/rtc/validate?access_token=" + token("a", "ghost")), 404,
                "requested room does not exist");
        assertAnswer(get(server, "/rtc/validate?access_token=" + token("a", "ghost")), 200, "success");
    }

    @Test
    void routesWorkUnderAPathPrefixAndWithDoubleSlashes() throws Exception {
        assertAnswer(get(server, "/livekit/rtc/validate?access_token=" + token("a", "r")), 200, "success");
        assertAnswer(get(server, "//rtc/validate?access_token=" + token("a", "r")), 200, "success");
        assertThat(get(server, "/livekit/rtcx/validate").statusCode()).isEqualTo(404);
    }

    @Test
    void singlePeerConnectionPathsAreAPlainNotFound() throws Exception {
        for (String path : new String[] {"/rtc/v1/validate?access_token=" + token("a", "r"), "/rtc/v1",
                "/prefix/rtc/v1/validate"}) {
            HttpResponse<String> response = get(server, path);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).doesNotContain("requested room does not exist");
        }
        assertThatThrownBy(() -> CLIENT.newWebSocketBuilder().buildAsync(
                server.ws("/rtc/v1?access_token=" + token("a", "r")), new WsProbe()).join())
                .isInstanceOfSatisfying(CompletionException.class, e -> assertThat(
                        ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).isEqualTo(404));
    }

    @Test
    void rtcWithoutUpgradeIsNotFound() throws Exception {
        HttpResponse<String> response = get(server, "/rtc?access_token=" + token("a", "r"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void corsPreflightAllowsAnyOriginAndTheRequestedHeaders() throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(server.http("/rtc/validate"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization, x-custom")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("access-control-allow-origin")).hasValue("https://app.example");
        assertThat(response.headers().firstValue("access-control-allow-methods")).hasValue("GET");
        assertThat(response.headers().firstValue("access-control-allow-headers")).hasValue("authorization, x-custom");
        assertThat(response.headers().firstValue("access-control-max-age")).hasValue("86400");

        HttpResponse<String> put = CLIENT.send(HttpRequest.newBuilder(server.http("/rtc/validate"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example").header("Access-Control-Request-Method", "PUT")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(204);
        assertThat(put.headers().firstValue("access-control-allow-origin")).isEmpty();
    }

    @Test
    void crossOriginHealthProbeEchoesTheOrigin() throws Exception {
        HttpResponse<String> response = get(server, "/", "Origin", "https://app.example");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("access-control-allow-origin")).hasValue("https://app.example");
    }

    private static WsProbe open(LoopbackServer on, String path, WsProbe probe) {
        CLIENT.newWebSocketBuilder().buildAsync(on.ws(path), probe).join();
        return probe;
    }

    private static WebSocket connect(WsProbe probe) {
        return CLIENT.newWebSocketBuilder().buildAsync(server.ws("/rtc?access_token=" + token("ws", "r")), probe).join();
    }

    @Test
    void upgradedSessionAnswersPingAndPingReq() throws Exception {
        WsProbe probe = new WsProbe();
        WebSocket ws = connect(probe);
        ws.sendBinary(ByteBuffer.wrap(SignalRequest.newBuilder().setPing(1234).build().toByteArray()), true).join();
        SignalResponse pong = SignalResponse.parseFrom(probe.next(byte[].class));
        assertThat(pong.getMessageCase()).isEqualTo(SignalResponse.MessageCase.PONG);
        assertThat(pong.getPong()).isPositive();

        ws.sendBinary(ByteBuffer.wrap(SignalRequest.newBuilder().setPingReq(Ping.newBuilder().setTimestamp(777)
                .setRtt(12)).build().toByteArray()), true).join();
        SignalResponse pongResp = SignalResponse.parseFrom(probe.next(byte[].class));
        assertThat(pongResp.getPongResp().getLastPingTimestamp()).isEqualTo(777);
        assertThat(pongResp.getPongResp().getTimestamp()).isPositive();
        ws.sendClose(1000, "bye").join();
        assertThat(probe.next(WsProbe.Closed.class).code()).isEqualTo(1000);
    }

    @Test
    void jsonRequestsGetJsonAnswersUntilTheClientSwitchesBack() throws Exception {
        WsProbe probe = new WsProbe();
        WebSocket ws = connect(probe);
        ws.sendText("{\"pingReq\":{\"timestamp\":\"42\"}}", true).join();
        assertThat(probe.next(String.class)).contains("\"pongResp\"").contains("\"lastPingTimestamp\":\"42\"");
        ws.sendBinary(ByteBuffer.wrap(SignalRequest.newBuilder().setPing(1).build().toByteArray()), true).join();
        assertThat(SignalResponse.parseFrom(probe.next(byte[].class)).hasPong()).isTrue();
        ws.abort();
    }

    @Test
    void leaveClosesNormally() throws Exception {
        WsProbe probe = new WsProbe();
        WebSocket ws = connect(probe);
        ws.sendBinary(ByteBuffer.wrap(SignalRequest.newBuilder().setLeave(LeaveRequest.newBuilder()
                .setReason(livekit.LivekitModels.DisconnectReason.CLIENT_INITIATED)).build().toByteArray()), true).join();
        assertThat(probe.next(WsProbe.Closed.class).code()).isEqualTo(1000);
    }

    @Test
    void malformedMessageClosesWithInvalidPayload() throws Exception {
        WsProbe probe = new WsProbe();
        WebSocket ws = connect(probe);
        ws.sendBinary(ByteBuffer.wrap(new byte[] {(byte) 0xFF, (byte) 0xFF, 0x01}), true).join();
        WsProbe.Closed closed = probe.next(WsProbe.Closed.class);
        assertThat(closed.code()).isEqualTo(1007);
        assertThat(closed.reason()).isEqualTo("malformed protobuf signal request");
        assertThat(server.registry.find("osprey.signaling.frames.malformed").tag("reason", "protobuf").counter().count())
                .isPositive();
    }

    @Test
    void oversizeMessageClosesWithMessageTooBig() throws Exception {
        WsProbe probe = new WsProbe();
        WebSocket ws = connect(probe);
        ws.sendBinary(ByteBuffer.wrap(new byte[3000]), false).join();
        ws.sendBinary(ByteBuffer.wrap(new byte[3000]), true).join();
        WsProbe.Closed closed = probe.next(WsProbe.Closed.class);
        assertThat(closed.code()).isEqualTo(1009);
        assertThat(closed.reason()).isEqualTo("signal message exceeds size limit of 4096 bytes");
    }

    @Test
    void upgradeIsRefusedWithTheValidationStatus() {
        for (String[] pathAndStatus : new String[][] {{"/rtc?access_token=bad", "401"},
                {"/rtc?access_token=" + token("", "r"), "400"}}) {
            assertThatThrownBy(() -> open(server, pathAndStatus[0], new WsProbe()))
                    .isInstanceOfSatisfying(CompletionException.class, e -> {
                        HttpResponse<?> response = ((WebSocketHandshakeException) e.getCause()).getResponse();
                        assertThat(response.statusCode()).isEqualTo(Integer.parseInt(pathAndStatus[1]));
                    });
        }
        assertThatThrownBy(() -> open(strict, "/rtc?access_token=" + token("a", "ghost"), new WsProbe()))
                .isInstanceOfSatisfying(CompletionException.class, e -> assertThat(
                        ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).isEqualTo(404));
    }

    @Test
    void bearerHeaderOpensTheWebSocketUnderAPrefix() throws Exception {
        WsProbe probe = new WsProbe();
        WebSocket ws = CLIENT.newWebSocketBuilder().header("Authorization", "Bearer " + token("rust", "r"))
                .buildAsync(server.ws("/livekit/rtc?sdk=rust&protocol=17"), probe).join();
        ws.sendBinary(ByteBuffer.wrap(SignalRequest.newBuilder().setPing(5).build().toByteArray()), true).join();
        assertThat(SignalResponse.parseFrom(probe.next(byte[].class)).hasPong()).isTrue();
        ws.abort();
    }

    @Test
    void closingTheServerSaysGoingAway() throws Exception {
        try (LoopbackServer own = new LoopbackServer(SignalingConfig.dev(0))) {
            WsProbe probe = new WsProbe();
            CLIENT.newWebSocketBuilder().buildAsync(own.ws("/rtc?access_token=" + token("a", "r")), probe).join();
            assertThat(own.server.metrics().openConnections()).isEqualTo(1);
            own.server.close();
            WsProbe.Closed closed = probe.next(WsProbe.Closed.class);
            assertThat(closed.code()).isEqualTo(1001);
            assertThat(closed.reason()).isEqualTo("server shutting down");
        }
    }
}
