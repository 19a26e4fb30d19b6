package dev.osprey.signaling.rooms;

import dev.osprey.media.api.ParticipantPermission;
import dev.osprey.media.api.ParticipantSession;
import dev.osprey.media.api.RoomName;
import dev.osprey.media.api.TrackInfo;
import io.livekit.server.RoomServiceClient;
import livekit.LivekitModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every RoomService method through the official Java SDK ({@code io.livekit.server.RoomServiceClient}: protobuf bodies,
 * a token per call with the grants the SDK picks) against the embedded room service on a running signaling server,
 * with participants in real media-core rooms.
 */
class EmbeddedRoomServiceSdkTest {

    private EmbeddedApiServer server;
    private RoomServiceClient client;

    @BeforeEach
    void start() throws Exception {
        server = new EmbeddedApiServer();
        client = RoomServiceClient.createClient(server.baseUrl(), EmbeddedApiServer.API_KEY,
                EmbeddedApiServer.API_SECRET);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static <T> T ok(Response<T> response) throws IOException {
        assertThat(response.code()).as(response.errorBody() == null ? "" : response.errorBody().string()).isEqualTo(200);
        return response.body();
    }

    private static void notFound(Response<?> response, String message) throws IOException {
        assertThat(response.code()).isEqualTo(404);
        assertThat(response.errorBody().string()).contains("\"code\":\"not_found\"", "\"msg\":\"" + message + "\"");
    }

    @Test
    void createListUpdateAndDeleteRooms() throws IOException {
        LivekitModels.Room created = ok(client.createRoom("standup", 120, 8, null, "agenda", null, null, null, 30)
                .execute());
        assertThat(created.getSid()).startsWith("RM_");
        assertThat(created.getEmptyTimeout()).isEqualTo(120);
        assertThat(created.getDepartureTimeout()).isEqualTo(30);
        assertThat(created.getMaxParticipants()).isEqualTo(8);
        assertThat(created.getMetadata()).isEqualTo("agenda");
        assertThat(ok(client.createRoom("standup", null, null, null, "ignored", null, null, null, null).execute()))
                .as("an existing room is returned as it is").isEqualTo(created);
        ok(client.createRoom("retro", null, null, null, null, null, null, null, null).execute());
        assertThat(ok(client.listRooms().execute())).extracting(LivekitModels.Room::getName)
                .containsExactlyInAnyOrder("standup", "retro");
        assertThat(ok(client.listRooms(List.of("retro", "nope")).execute())).extracting(LivekitModels.Room::getName)
                .containsExactly("retro");

        LivekitModels.Room updated = ok(client.updateRoomMetadata("standup", "{\"topic\":\"q3\"}").execute());
        assertThat(updated.getSid()).isEqualTo(created.getSid());
        assertThat(updated.getMetadata()).isEqualTo("{\"topic\":\"q3\"}");

        ParticipantSession alice = server.rooms.join("standup", "alice");
        assertThat(client.deleteRoom("standup").execute().code()).isEqualTo(200);
        assertThat(alice.isClosed()).isTrue();
        assertThat(server.rooms.events.events()).contains("left standup alice ROOM_DELETED");
        assertThat(ok(client.listRooms().execute())).extracting(LivekitModels.Room::getName).containsExactly("retro");
        notFound(client.deleteRoom("standup").execute(), "requested room does not exist");
        notFound(client.updateRoomMetadata("standup", "m").execute(), "requested room does not exist");
    }

    @Test
    void listGetAndRemoveParticipants() throws IOException {
        ParticipantSession alice = server.rooms.join("standup", "alice");
        server.rooms.join("standup", "bob");
        assertThat(ok(client.listParticipants("standup").execute()))
                .extracting(LivekitModels.ParticipantInfo::getIdentity).containsExactly("alice", "bob");
        LivekitModels.ParticipantInfo got = ok(client.getParticipant("standup", "alice").execute());
        assertThat(got.getSid()).isEqualTo(alice.info().id().value());
        assertThat(got.getState()).isEqualTo(LivekitModels.ParticipantInfo.State.JOINING);
        assertThat(got.getPermission().getCanPublish()).isTrue();
        assertThat(client.removeParticipant("standup", "alice").execute().code()).isEqualTo(200);
        assertThat(server.rooms.events.events()).contains("left standup alice PARTICIPANT_REMOVED");
        notFound(client.getParticipant("standup", "alice").execute(), "participant does not exist");
        notFound(client.removeParticipant("standup", "alice").execute(), "participant does not exist");
    }

    @Test
    void mutePublishedTrackAndRefuseRemoteUnmute() throws IOException {
        ParticipantSession alice = server.rooms.join("standup", "alice");
        TrackInfo mic = TestRooms.publishMicrophone(alice);
        LivekitModels.TrackInfo muted = ok(client.mutePublishedTrack("standup", "alice", mic.id().value(), true)
                .execute());
        assertThat(muted.getSid()).isEqualTo(mic.id().value());
        assertThat(muted.getMuted()).isTrue();
        assertThat(alice.publisher().tracks().getFirst().muted()).isTrue();
        Response<LivekitModels.TrackInfo> unmute = client.mutePublishedTrack("standup", "alice", mic.id().value(),
                false).execute();
        assertThat(unmute.code()).isEqualTo(412);
        assertThat(unmute.errorBody().string()).contains("failed_precondition", "remote unmute not enabled");
        assertThat(ok(client.mutePublishedTrack("standup", "alice", "TR_nosuchtrack1", true).execute()))
                .as("no such track: a reply without a track").isEqualTo(LivekitModels.TrackInfo.getDefaultInstance());
    }

    @Test
    void updateParticipantMetadataAndPermission() throws IOException {
        ParticipantSession alice = server.rooms.join("standup", "alice");
        TestRooms.publishMicrophone(alice);
        LivekitModels.ParticipantPermission viewer = LivekitModels.ParticipantPermission.newBuilder()
                .setCanSubscribe(true).setCanPublishData(true).build();
        LivekitModels.ParticipantInfo updated = ok(client.updateParticipant("standup", "alice", "Alice", "{\"a\":1}",
                viewer, Map.of("role", "viewer")).execute());
        assertThat(updated.getName()).isEqualTo("Alice");
        assertThat(updated.getMetadata()).isEqualTo("{\"a\":1}");
        assertThat(updated.getAttributesMap()).containsExactly(Map.entry("role", "viewer"));
        assertThat(updated.getPermission()).isEqualTo(viewer);
        assertThat(updated.getTracksList()).isEmpty();
        assertThat(alice.info().permission().canPublish()).isFalse();
        assertThat(alice.publisher().tracks()).isEmpty();
        notFound(client.updateParticipant("standup", "bob", "Bob", null, null, null).execute(),
                "participant does not exist");
    }

    @Test
    void updateSubscriptions() throws IOException {
        ParticipantSession alice = server.rooms.join("standup", "alice");
        TrackInfo mic = TestRooms.publishMicrophone(alice);
        ParticipantSession bob = server.rooms.join("standup", "bob", ParticipantPermission.DEFAULT, false);
        assertThat(client.updateSubscriptions("standup", "bob", List.of(mic.id().value()), true).execute().code())
                .isEqualTo(200);
        assertThat(bob.subscriber().subscriptions()).extracting(s -> s.track()).containsExactly(mic.id());
        assertThat(client.updateSubscriptions("standup", "bob", List.of(mic.id().value()), false).execute().code())
                .isEqualTo(200);
        assertThat(bob.subscriber().subscriptions()).isEmpty();
    }

    @Test
    void sendData() throws IOException {
        server.rooms.join("standup", "alice");
        byte[] payload = "{\"notice\":\"closing in 5 min\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(client.sendData("standup", payload, LivekitModels.DataPacket.Kind.RELIABLE, List.of(),
                List.of("alice"), "system").execute().code()).isEqualTo(200);
        RecordingDataSender.Sent sent = server.data.sent.getFirst();
        assertThat(sent.room()).isEqualTo(new RoomName("standup"));
        assertThat(sent.destinationIdentities()).containsExactly("alice");
        assertThat(sent.reliable()).isTrue();
        assertThat(sent.packet().getUser().getTopic()).isEqualTo("system");
        assertThat(sent.packet().getUser().getPayload().toByteArray()).isEqualTo(payload);
        assertThat(sent.packet().getUser().getNonce().size()).as("the SDK's nonce").isIn(0, 16);
        notFound(client.sendData("nowhere", payload, LivekitModels.DataPacket.Kind.LOSSY, List.of(), List.of(), null)
                .execute(), "requested room does not exist");
    }
}
