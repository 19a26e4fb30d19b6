package dev.osprey.signaling.twirp;

import com.google.protobuf.ByteString;
import dev.osprey.signaling.api.RoomServiceException;
import io.livekit.server.RoomServiceClient;
import livekit.LivekitModels;
import livekit.LivekitRoom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import retrofit2.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every RoomService method through the official Java SDK ({@code io.livekit.server.RoomServiceClient}: Retrofit,
 * {@code application/protobuf}, a fresh token per call with the grant the SDK thinks the method needs) against a
 * running signaling server.
 */
class RoomServiceSdkTest {

    private static TwirpTestServer server;
    private static RoomServiceClient client;

    @BeforeAll
    static void start() throws InterruptedException {
        server = new TwirpTestServer();
        client = RoomServiceClient.createClient(server.baseUrl(), TwirpTestServer.API_KEY, TwirpTestServer.API_SECRET);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void clear() {
        server.rooms.calls.clear();
    }

    private static <T> T ok(Response<T> response) throws IOException {
        assertThat(response.headers().get("Content-Type")).isEqualTo("application/protobuf");
        return okTransformed(response);
    }

    /** For the SDK calls that unwrap the reply message into a list: their responses carry no headers. */
    private static <T> T okTransformed(Response<T> response) throws IOException {
        assertThat(response.code()).as(response.errorBody() == null ? "" : response.errorBody().string()).isEqualTo(200);
        return response.body();
    }

    @Test
    void createRoom() throws IOException {
        LivekitModels.Room room = ok(client.createRoom("standup", 300, 12, null, "agenda", null, null, null, 20)
                .execute());
        LivekitRoom.CreateRoomRequest sent = (LivekitRoom.CreateRoomRequest) server.rooms.lastCall().args().getFirst();
        assertThat(sent.getName()).isEqualTo("standup");
        assertThat(sent.getEmptyTimeout()).isEqualTo(300);
        assertThat(sent.getMaxParticipants()).isEqualTo(12);
        assertThat(sent.getDepartureTimeout()).isEqualTo(20);
        assertThat(sent.getMetadata()).isEqualTo("agenda");
        assertThat(room.getSid()).isEqualTo("RM_standup");
        assertThat(room.getCreationTime()).isEqualTo(RecordingRoomService.CREATION_TIME);
        assertThat(server.requests("CreateRoom", "ok")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void listRoomsAllAndByName() throws IOException {
        assertThat(okTransformed(client.listRooms().execute())).extracting(LivekitModels.Room::getName)
                .containsExactly("alpha", "beta");
        assertThat(server.rooms.lastCall().args()).containsExactly(List.of());
        assertThat(okTransformed(client.listRooms(List.of("x", "y")).execute())).extracting(LivekitModels.Room::getName)
                .containsExactly("x", "y");
        assertThat(server.rooms.lastCall().args()).containsExactly(List.of("x", "y"));
    }

    @Test
    void deleteRoom() throws IOException {
        Response<Void> response = client.deleteRoom("standup").execute();
        assertThat(response.code()).isEqualTo(200);
        assertThat(server.rooms.lastCall()).isEqualTo(new RecordingRoomService.Call("deleteRoom", List.of("standup")));
    }

    @Test
    void updateRoomMetadata() throws IOException {
        LivekitModels.Room room = ok(client.updateRoomMetadata("standup", "{\"topic\":1}").execute());
        assertThat(room.getMetadata()).isEqualTo("{\"topic\":1}");
        assertThat(server.rooms.lastCall().args()).containsExactly("standup", "{\"topic\":1}");
    }

    @Test
    void listAndGetParticipants() throws IOException {
        assertThat(okTransformed(client.listParticipants("standup").execute())).extracting(LivekitModels.ParticipantInfo::getIdentity)
                .containsExactly("alice", "bob");
        LivekitModels.ParticipantInfo alice = ok(client.getParticipant("standup", "alice").execute());
        assertThat(alice.getSid()).isEqualTo("PA_alice");
        assertThat(alice.getState()).isEqualTo(LivekitModels.ParticipantInfo.State.ACTIVE);
        assertThat(server.rooms.lastCall().args()).containsExactly("standup", "alice");
    }

    @Test
    void removeParticipant() throws IOException {
        assertThat(client.removeParticipant("standup", "bob").execute().code()).isEqualTo(200);
        assertThat(server.rooms.lastCall()).isEqualTo(
                new RecordingRoomService.Call("removeParticipant", List.of("standup", "bob")));
    }

    @Test
    void mutePublishedTrack() throws IOException {
        LivekitModels.TrackInfo track = okTransformed(client.mutePublishedTrack("standup", "alice", "TR_cam", true).execute());
        assertThat(track.getSid()).isEqualTo("TR_cam");
        assertThat(track.getMuted()).isTrue();
        assertThat(server.rooms.lastCall().args()).containsExactly("standup", "alice", "TR_cam", true);
    }

    @Test
    void updateParticipantWithPermission() throws IOException {
        LivekitModels.ParticipantPermission readOnly = LivekitModels.ParticipantPermission.newBuilder()
                .setCanSubscribe(true).setCanPublish(false).build();
        LivekitModels.ParticipantInfo updated = ok(client.updateParticipant("standup", "alice", "Alice", "md",
                readOnly, Map.of("role", "viewer")).execute());
        LivekitRoom.UpdateParticipantRequest sent =
                (LivekitRoom.UpdateParticipantRequest) server.rooms.lastCall().args().getFirst();
        assertThat(sent.getRoom()).isEqualTo("standup");
        assertThat(sent.getPermission()).isEqualTo(readOnly);
        assertThat(sent.getAttributesMap()).containsEntry("role", "viewer");
        assertThat(updated.getName()).isEqualTo("Alice");
        assertThat(updated.getPermission().getCanPublish()).isFalse();
    }

    @Test
    void updateSubscriptions() throws IOException {
        assertThat(client.updateSubscriptions("standup", "alice", List.of("TR_1", "TR_2"), true).execute().code())
                .isEqualTo(200);
        LivekitRoom.UpdateSubscriptionsRequest sent =
                (LivekitRoom.UpdateSubscriptionsRequest) server.rooms.lastCall().args().getFirst();
        assertThat(sent.getTrackSidsList()).containsExactly("TR_1", "TR_2");
        assertThat(sent.getSubscribe()).isTrue();
    }

    @Test
    void sendData() throws IOException {
        byte[] payload = "hello".getBytes(StandardCharsets.UTF_8);
        assertThat(client.sendData("standup", payload, LivekitModels.DataPacket.Kind.RELIABLE, List.of(),
                List.of("bob"), "chat").execute().code()).isEqualTo(200);
        LivekitRoom.SendDataRequest sent = (LivekitRoom.SendDataRequest) server.rooms.lastCall().args().getFirst();
        assertThat(sent.getData()).isEqualTo(ByteString.copyFrom(payload));
        assertThat(sent.getDestinationIdentitiesList()).containsExactly("bob");
        assertThat(sent.getTopic()).isEqualTo("chat");
        assertThat(sent.getNonce().size()).isIn(0, RoomServiceMethod.NONCE_BYTES);
    }

    @Test
    void cloudOnlyMethodsAreUnimplemented() throws IOException {
        Response<LivekitRoom.ForwardParticipantResponse> forward =
                client.forwardParticipant("standup", "alice", "overflow").execute();
        assertThat(forward.code()).isEqualTo(501);
        assertThat(forward.errorBody().string()).contains("\"code\":\"unimplemented\"");
        assertThat(client.moveParticipant("standup", "alice", "overflow").execute().code()).isEqualTo(501);
        assertThat(server.rooms.calls).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(RoomServiceException.Code.class)
    void everyServiceFailureBecomesItsTwirpError(RoomServiceException.Code code) throws IOException {
        // OkHttp repeats a request answered 408 once by itself, so that failure has to last for two calls
        int calls = code == RoomServiceException.Code.DEADLINE_EXCEEDED ? 2 : 1;
        server.rooms.failNext(new RoomServiceException(code, "failure " + code), calls);
        Response<LivekitModels.ParticipantInfo> response = client.getParticipant("standup", "nobody").execute();
        assertThat(server.rooms.calls).hasSize(calls);
        TwirpErrorCode twirp = TwirpErrorCode.of(code);
        assertThat(response.code()).isEqualTo(twirp.httpStatus()).isEqualTo(code.httpStatus());
        assertThat(response.headers().get("Content-Type")).isEqualTo("application/json");
        assertThat(response.errorBody().string()).isEqualTo(
                "{\"code\":\"" + code.twirpName() + "\",\"msg\":\"failure " + code + "\",\"meta\":{}}");
    }

    @Test
    void notFoundMessagesAreLiveKits() throws IOException {
        server.rooms.failNext(RoomServiceException.roomNotFound());
        Response<LivekitModels.Room> room = client.updateRoomMetadata("gone", "x").execute();
        assertThat(room.code()).isEqualTo(404);
        assertThat(room.errorBody().string())
                .isEqualTo("{\"code\":\"not_found\",\"msg\":\"requested room does not exist\",\"meta\":{}}");
        server.rooms.failNext(RoomServiceException.participantNotFound());
        Response<Void> removed = client.removeParticipant("standup", "ghost").execute();
        assertThat(removed.code()).isEqualTo(404);
        assertThat(removed.errorBody().string())
                .isEqualTo("{\"code\":\"not_found\",\"msg\":\"participant does not exist\",\"meta\":{}}");
        assertThat(server.requests("RemoveParticipant", "not_found")).isEqualTo(1);
    }

    @Test
    void wrongSecretIsUnauthenticated() throws IOException {
        RoomServiceClient impostor = RoomServiceClient.createClient(server.baseUrl(), TwirpTestServer.API_KEY,
                "not-the-secret");
        Response<List<LivekitModels.Room>> response = impostor.listRooms().execute();
        assertThat(response.code()).isEqualTo(401);
        assertThat(response.errorBody().string()).startsWith("{\"code\":\"unauthenticated\",\"msg\":\"invalid authorization token");
        assertThat(server.rooms.calls).isEmpty();
    }
}
