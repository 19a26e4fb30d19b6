package dev.osprey.signaling.twirp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.signaling.SignalingConfig;
import dev.osprey.signaling.SignalingServer;
import dev.osprey.signaling.auth.HandBuiltTokens;
import io.livekit.server.DestinationRoomName;
import io.livekit.server.RoomAdmin;
import io.livekit.server.RoomCreate;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomList;
import io.livekit.server.RoomName;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Routing, content types, authentication, grants and malformed bodies, answered as Twirp errors. */
class TwirpRequestErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TwirpTestServer server;

    @BeforeAll
    static void start() throws InterruptedException {
        server = new TwirpTestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void clear() {
        server.rooms.calls.clear();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String method, String authorization, String contentType, byte[] body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.method(method))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private static HttpResponse<String> postJson(String method, String token, String body) throws Exception {
        return post(method, token == null ? null : "Bearer " + token, "application/json", body.getBytes());
    }

    /** Asserts a Twirp error: status, exact content type, code and message. */
    private static JsonNode assertError(HttpResponse<String> response, int status, String code, String msg)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().allValues("content-type")).containsExactly("application/json");
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("code").asText()).isEqualTo(code);
        if (msg != null) {
            assertThat(error.get("msg").asText()).isEqualTo(msg);
        }
        assertThat(error.get("meta").isObject()).isTrue();
        return error;
    }

    @Test
    void adminTokenWithoutRoomAdminIsDenied() throws Exception {
        String joinOnly = TwirpTestServer.tokenFor("alice", new RoomJoin(true), new RoomName("standup"));
        assertError(postJson("ListParticipants", joinOnly, "{\"room\":\"standup\"}"), 401, "unauthenticated",
                "permissions denied");
        assertThat(server.rooms.calls).isEmpty();
        assertThat(server.requests("ListParticipants", "unauthenticated")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void adminTokenForAnotherRoomIsDenied() throws Exception {
        String otherRoom = TwirpTestServer.token(new RoomAdmin(true), new RoomName("other"));
        for (String method : new String[] {"ListParticipants", "GetParticipant", "RemoveParticipant",
                "MutePublishedTrack", "UpdateParticipant", "UpdateSubscriptions", "SendData", "UpdateRoomMetadata"}) {
            assertError(postJson(method, otherRoom, "{\"room\":\"standup\",\"identity\":\"a\"}"), 401,
                    "unauthenticated", "permissions denied");
        }
        assertThat(server.rooms.calls).isEmpty();
    }

    @Test
    void roomCreateAndRoomListAreSeparateGrants() throws Exception {
        String listOnly = TwirpTestServer.token(new RoomList(true));
        assertError(postJson("CreateRoom", listOnly, "{\"name\":\"x\"}"), 401, "unauthenticated", "permissions denied");
        assertError(postJson("DeleteRoom", listOnly, "{\"room\":\"x\"}"), 401, "unauthenticated", "permissions denied");
        String createOnly = TwirpTestServer.token(new RoomCreate(true));
        assertError(postJson("ListRooms", createOnly, "{}"), 401, "unauthenticated", "permissions denied");
        String admin = TwirpTestServer.token(new RoomAdmin(true), new RoomName("x"));
        assertError(postJson("CreateRoom", admin, "{\"name\":\"x\"}"), 401, "unauthenticated", "permissions denied");
        assertThat(server.rooms.calls).isEmpty();
    }

    @Test
    void forwardNeedsTheDestinationGrantToo() throws Exception {
        String noDestination = TwirpTestServer.token(new RoomAdmin(true), new RoomName("a"));
        assertError(postJson("ForwardParticipant", noDestination,
                "{\"room\":\"a\",\"identity\":\"p\",\"destinationRoom\":\"b\"}"), 401, "unauthenticated", null);
        String withDestination = TwirpTestServer.token(new RoomAdmin(true), new RoomName("a"),
                new DestinationRoomName("b"));
        assertError(postJson("ForwardParticipant", withDestination,
                "{\"room\":\"a\",\"identity\":\"p\",\"destinationRoom\":\"b\"}"), 501, "unimplemented", null);
    }

    @Test
    void missingTokenIsDenied() throws Exception {
        assertError(postJson("ListRooms", null, "{}"), 401, "unauthenticated", "permissions denied");
    }

    @Test
    void nonBearerHeaderIsUnauthenticated() throws Exception {
        assertError(post("ListRooms", "Basic abc", "application/json", "{}".getBytes()), 401, "unauthenticated",
                "invalid authorization header. Must start with Bearer ");
    }

    @Test
    void expiredOrForeignTokensAreUnauthenticated() throws Exception {
        long past = Instant.now().getEpochSecond() - 3600;
        String expired = HandBuiltTokens.hs256("{\"iss\":\"devkey\",\"exp\":" + past + ",\"video\":{\"roomList\":true}}",
                TwirpTestServer.API_SECRET);
        assertError(postJson("ListRooms", expired, "{}"), 401, "unauthenticated",
                "invalid authorization token: token is expired");
        long future = Instant.now().getEpochSecond() + 3600;
        String unknownKey = HandBuiltTokens.hs256("{\"iss\":\"nokey\",\"exp\":" + future + ",\"video\":{\"roomList\":true}}",
                TwirpTestServer.API_SECRET);
        assertError(postJson("ListRooms", unknownKey, "{}"), 401, "unauthenticated", "invalid API key");
        assertThat(server.rooms.calls).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-protobuf", "application/jsonx", "multipart/form-data"})
    void unsupportedContentTypeIsBadRoute(String contentType) throws Exception {
        JsonNode error = assertError(post("ListRooms", "Bearer " + TwirpTestServer.token(new RoomList(true)),
                contentType, "{}".getBytes()), 404, "bad_route", "unexpected Content-Type: \"" + contentType + "\"");
        assertThat(error.get("meta").get("twirp_invalid_route").asText())
                .isEqualTo("POST /twirp/livekit.RoomService/ListRooms");
    }

    @Test
    void contentTypeParametersAndCaseAreIgnored() throws Exception {
        HttpResponse<String> response = post("ListRooms", "Bearer " + TwirpTestServer.token(new RoomList(true)),
                "Application/JSON ; charset=utf-8", "{}".getBytes());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void unknownMethodServiceAndHttpMethodAreBadRoute() throws Exception {
        assertError(postJson("Nope", TwirpTestServer.token(new RoomList(true)), "{}"), 404, "bad_route",
                "no handler for path \"/twirp/livekit.RoomService/Nope\"");
        assertError(send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/twirp/livekit.Egress/ListEgress"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json")),
                404, "bad_route", "no handler for path \"/twirp/livekit.Egress/ListEgress\"");
        assertError(send(HttpRequest.newBuilder(server.method("ListRooms")).GET()), 404, "bad_route",
                "unsupported method \"GET\" (only POST is allowed)");
    }

    @Test
    void pathPrefixOfAProxiedBaseUrlIsServed() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/livekit/twirp/livekit.RoomService/ListRooms"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TwirpTestServer.token(new RoomList(true))));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[]", "null", "{\"names\":\"notalist\"}", "{\"names\":[1,", "\"str\""})
    void malformedJsonIsMalformed(String body) throws Exception {
        assertError(postJson("ListRooms", TwirpTestServer.token(new RoomList(true)), body), 400, "malformed",
                "the json request could not be decoded");
        assertThat(server.rooms.calls).isEmpty();
    }

    @Test
    void invalidUtf8JsonIsMalformed() throws Exception {
        assertError(post("ListRooms", "Bearer " + TwirpTestServer.token(new RoomList(true)), "application/json",
                new byte[] {'{', '"', 'n', (byte) 0xC3, '"', ':', '1', '}'}), 400, "malformed", null);
    }

    @Test
    void malformedProtobufIsMalformed() throws Exception {
        String token = "Bearer " + TwirpTestServer.token(new RoomList(true));
        // field 1 (names) length-delimited, claiming 10 bytes of which only 2 follow
        assertError(post("ListRooms", token, "application/protobuf", new byte[] {0x0a, 0x0a, 'a', 'b'}), 400,
                "malformed", "the protobuf request could not be decoded");
        // a wire type 7 tag does not exist
        assertError(post("ListRooms", token, "application/protobuf", new byte[] {0x0f}), 400, "malformed", null);
        // proto3 strings must be UTF-8
        assertError(post("ListRooms", token, "application/protobuf", new byte[] {0x0a, 0x01, (byte) 0xff}), 400,
                "malformed", null);
        assertThat(server.rooms.calls).isEmpty();
    }

    @Test
    void oversizedBodyIsMalformedAndSmallerOnesStillWork() throws Exception {
        byte[] big = new byte[TwirpRoutes.MAX_REQUEST_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        assertError(post("ListRooms", "Bearer " + TwirpTestServer.token(new RoomList(true)), "application/json", big),
                400, "malformed", "the request body is larger than " + TwirpRoutes.MAX_REQUEST_BYTES + " bytes");
        byte[] large = new byte[200_000]; // over the other routes' limit, within the API's
        Arrays.fill(large, (byte) ' ');
        large[0] = '{';
        large[large.length - 1] = '}';
        assertThat(post("ListRooms", "Bearer " + TwirpTestServer.token(new RoomList(true)), "application/json", large)
                .statusCode()).isEqualTo(200);
    }

    @Test
    void otherRoutesKeepTheirSmallBodyLimit() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[200_000])));
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void withoutARoomServiceTheApiIsNotServed() throws Exception {
        var group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        var plain = new SignalingServer(SignalingConfig.dev(0), group,
                NioServerSocketChannel.class,
                new SimpleMeterRegistry());
        try {
            int port = plain.start().getPort();
            HttpResponse<String> response = send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/twirp/livekit.RoomService/ListRooms"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json"));
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).isEqualTo("404 page not found");
        } finally {
            plain.close();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
