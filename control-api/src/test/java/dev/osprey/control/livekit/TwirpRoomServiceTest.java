package dev.osprey.control.livekit;

import com.sun.net.httpserver.HttpServer;
import dev.osprey.control.ControlApiConfig;
import dev.osprey.signaling.api.RoomServiceException;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import livekit.LivekitModels;
import livekit.LivekitRoom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Twirp client against a stub LiveKit: paths, content type, per-method grants, protobuf bodies, errors. */
class TwirpRoomServiceTest {

    static final String KEY = "APIkey";
    static final String SECRET = "twirp-test-secret-that-is-long-enough-00";
    HttpServer stub;
    TwirpRoomService client;
    final List<String> seen = new CopyOnWriteArrayList<>();
    final List<Claims> grants = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/twirp/livekit.RoomService/", exchange -> {
            String method = exchange.getRequestURI().getPath().substring("/twirp/livekit.RoomService/".length());
            seen.add(method + " " + exchange.getRequestHeaders().getFirst("Content-Type"));
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            grants.add(Jwts.parser().verifyWith(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256")).build().parseSignedClaims(auth.substring(7)).getPayload());
            byte[] body = exchange.getRequestBody().readAllBytes();
            byte[] reply;
            int status = 200;
            switch (method) {
                case "CreateRoom" -> reply = LivekitModels.Room.newBuilder()
                        .setName(LivekitRoom.CreateRoomRequest.parseFrom(body).getName()).setSid("RM_x").build()
                        .toByteArray();
                case "ListParticipants" -> reply = LivekitRoom.ListParticipantsResponse.newBuilder()
                        .addParticipants(LivekitModels.ParticipantInfo.newBuilder().setIdentity("alice")).build()
                        .toByteArray();
                case "GetParticipant" -> {
                    status = 404;
                    reply = "{\"code\":\"not_found\",\"msg\":\"participant does not exist\"}"
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                }
                case "SendData" -> reply = LivekitRoom.SendDataResponse.getDefaultInstance().toByteArray();
                default -> {
                    status = 500;
                    reply = "oops".getBytes(StandardCharsets.UTF_8);
                }
            }
            exchange.sendResponseHeaders(status, reply.length == 0 ? -1 : reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        stub.start();
        client = TwirpRoomService.create(new ControlApiConfig.LiveKit("ws://public", "http://127.0.0.1:"
                + stub.getAddress().getPort() + "/", KEY, SECRET, true));
    }

    @AfterEach
    void stop() {
        stub.stop(0);
    }

    @Test
    void createRoomSendsProtobufWithRoomCreateGrant() throws Exception {
        var room = client.createRoom(LivekitRoom.CreateRoomRequest.newBuilder().setName("r1").build())
                .toCompletableFuture().get();
        assertThat(room.getName()).isEqualTo("r1");
        assertThat(seen).containsExactly("CreateRoom application/protobuf");
        assertThat(grants.getFirst().getIssuer()).isEqualTo(KEY);
        assertThat(grants.getFirst().get("video", Map.class)).containsEntry("roomCreate", true);
    }

    @Test
    void participantCallsCarryRoomAdminForThatRoom() throws Exception {
        var list = client.listParticipants("r2").toCompletableFuture().get();
        assertThat(list).extracting(LivekitModels.ParticipantInfo::getIdentity).containsExactly("alice");
        assertThat(grants.getFirst().get("video", Map.class)).containsEntry("roomAdmin", true)
                .containsEntry("room", "r2");
        client.sendData(LivekitRoom.SendDataRequest.newBuilder().setRoom("r2").setTopic("system").build())
                .toCompletableFuture().get();
        assertThat(seen).containsExactly("ListParticipants application/protobuf", "SendData application/protobuf");
    }

    @Test
    void twirpErrorsMapToRoomServiceCodes() {
        assertThatThrownBy(() -> client.getParticipant("r", "bob").toCompletableFuture().get())
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(RoomServiceException.class)
                .hasMessage("participant does not exist")
                .satisfies(e -> assertThat(((RoomServiceException) e).code())
                        .isEqualTo(RoomServiceException.Code.NOT_FOUND));
        assertThatThrownBy(() -> client.deleteRoom("r").toCompletableFuture().get()).cause()
                .satisfies(e -> assertThat(((RoomServiceException) e).code())
                        .isEqualTo(RoomServiceException.Code.INTERNAL));
    }

    @Test
    void unreachableServerIsUnavailable() {
        stub.stop(0);
        assertThatThrownBy(() -> client.listRooms(List.of()).toCompletableFuture().get()).cause()
                .satisfies(e -> assertThat(((RoomServiceException) e).code())
                        .isEqualTo(RoomServiceException.Code.UNAVAILABLE));
    }
}
