package dev.osprey.signaling.twirp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livekit.server.RoomAdmin;
import io.livekit.server.RoomCreate;
import io.livekit.server.RoomList;
import io.livekit.server.RoomName;
import livekit.LivekitRoom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The RoomService methods as the Node SDK calls them: protojson with lowerCamel names from protobuf-es
 * {@code toJson()}, {@code Content-Type: application/json;charset=UTF-8}; and with snake_case names, which protojson
 * accepts too. Replies must use the proto field names with defaults emitted, int64 as strings and enums by name.
 */
class RoomServiceJsonTest {

    static final String NODE_CONTENT_TYPE = "application/json;charset=UTF-8";
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

    static HttpResponse<String> post(String method, String token, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.method(method))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        return JSON.readTree(response.body());
    }

    private static String admin(String room) {
        return TwirpTestServer.token(new RoomAdmin(true), new RoomName(room));
    }

    @Test
    void createRoomCamelCaseLikeTheNodeSdk() throws Exception {
        JsonNode room = ok(post("CreateRoom", TwirpTestServer.token(new RoomCreate(true)), NODE_CONTENT_TYPE,
                "{\"name\":\"standup\",\"emptyTimeout\":300,\"departureTimeout\":20,\"maxParticipants\":8,"
                        + "\"metadata\":\"m\",\"someFutureField\":{\"x\":1}}"));
        LivekitRoom.CreateRoomRequest sent = (LivekitRoom.CreateRoomRequest) server.rooms.lastCall().args().getFirst();
        assertThat(sent.getName()).isEqualTo("standup");
        assertThat(sent.getEmptyTimeout()).isEqualTo(300);
        assertThat(sent.getDepartureTimeout()).isEqualTo(20);
        assertThat(sent.getMaxParticipants()).isEqualTo(8);
        // proto names, int64 as a string, unset scalars and lists emitted with their defaults
        assertThat(room.get("empty_timeout").asInt()).isEqualTo(300);
        assertThat(room.get("creation_time").isTextual()).isTrue();
        assertThat(room.get("creation_time").asText()).isEqualTo(Long.toString(RecordingRoomService.CREATION_TIME));
        assertThat(room.get("num_participants").asInt()).isZero();
        assertThat(room.get("active_recording").asBoolean()).isFalse();
        assertThat(room.get("enabled_codecs").isArray()).isTrue();
        assertThat(room.has("emptyTimeout")).isFalse();
    }

    @Test
    void createRoomSnakeCase() throws Exception {
        ok(post("CreateRoom", TwirpTestServer.token(new RoomCreate(true)), "application/json",
                "{\"name\":\"s\",\"empty_timeout\":5,\"departure_timeout\":6,\"max_participants\":7}"));
        LivekitRoom.CreateRoomRequest sent = (LivekitRoom.CreateRoomRequest) server.rooms.lastCall().args().getFirst();
        assertThat(List.of(sent.getEmptyTimeout(), sent.getDepartureTimeout(), sent.getMaxParticipants()))
                .containsExactly(5, 6, 7);
    }

    @Test
    void participantMethodsSnakeCase() throws Exception {
        ok(post("MutePublishedTrack", admin("r"), "application/json",
                "{\"room\":\"r\",\"identity\":\"a\",\"track_sid\":\"TR_x\",\"muted\":true}"));
        assertThat(server.rooms.lastCall().args()).containsExactly("r", "a", "TR_x", true);
        ok(post("UpdateParticipant", admin("r"), "application/json",
                "{\"room\":\"r\",\"identity\":\"a\",\"permission\":{\"can_publish\":false,"
                        + "\"can_publish_data\":true,\"can_update_metadata\":true}}"));
        LivekitRoom.UpdateParticipantRequest sent =
                (LivekitRoom.UpdateParticipantRequest) server.rooms.lastCall().args().getFirst();
        assertThat(sent.getPermission().getCanPublishData()).isTrue();
        assertThat(sent.getPermission().getCanUpdateMetadata()).isTrue();
        assertThat(post("UpdateSubscriptions", admin("r"), "application/json",
                "{\"room\":\"r\",\"identity\":\"a\",\"track_sids\":[\"TR_1\"],\"participant_tracks\":"
                        + "[{\"participant_sid\":\"PA_b\",\"track_sids\":[\"TR_2\"]}]}").statusCode()).isEqualTo(200);
        LivekitRoom.UpdateSubscriptionsRequest subs =
                (LivekitRoom.UpdateSubscriptionsRequest) server.rooms.lastCall().args().getFirst();
        assertThat(subs.getTrackSidsList()).containsExactly("TR_1");
        assertThat(subs.getParticipantTracks(0).getParticipantSid()).isEqualTo("PA_b");
        assertThat(post("SendData", admin("r"), "application/json",
                "{\"room\":\"r\",\"data\":\"aGk=\",\"destination_identities\":[\"b\"]}").statusCode())
                .isEqualTo(200);
        LivekitRoom.SendDataRequest data = (LivekitRoom.SendDataRequest) server.rooms.lastCall().args().getFirst();
        assertThat(data.getDestinationIdentitiesList()).containsExactly("b");
    }

    @Test
    void listRoomsWithAndWithoutNames() throws Exception {
        String token = TwirpTestServer.token(new RoomList(true));
        JsonNode all = ok(post("ListRooms", token, NODE_CONTENT_TYPE, "{}"));
        assertThat(all.get("rooms")).hasSize(2);
        JsonNode named = ok(post("ListRooms", token, NODE_CONTENT_TYPE, "{\"names\":[\"one\"]}"));
        assertThat(named.get("rooms").get(0).get("name").asText()).isEqualTo("one");
        assertThat(server.rooms.lastCall().args()).containsExactly(List.of("one"));
    }

    @Test
    void deleteRoomAnswersAnEmptyObject() throws Exception {
        assertThat(post("DeleteRoom", TwirpTestServer.token(new RoomCreate(true)), NODE_CONTENT_TYPE,
                "{\"room\":\"standup\"}").body()).isEqualTo("{}");
        assertThat(server.rooms.lastCall().args()).containsExactly("standup");
    }

    @Test
    void participantsWithEnumsByName() throws Exception {
        JsonNode list = ok(post("ListParticipants", admin("standup"), NODE_CONTENT_TYPE, "{\"room\":\"standup\"}"));
        JsonNode alice = list.get("participants").get(0);
        assertThat(alice.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(alice.get("joined_at").asText()).isEqualTo(Long.toString(RecordingRoomService.CREATION_TIME));
        assertThat(alice.get("tracks").get(0).get("type").asText()).isEqualTo("VIDEO");
        assertThat(alice.get("kind").asText()).isEqualTo("STANDARD");
        JsonNode bob = ok(post("GetParticipant", admin("standup"), NODE_CONTENT_TYPE,
                "{\"room\":\"standup\",\"identity\":\"bob\"}"));
        assertThat(bob.get("sid").asText()).isEqualTo("PA_bob");
    }

    @Test
    void removeMuteAndUpdateParticipant() throws Exception {
        assertThat(post("RemoveParticipant", admin("r"), NODE_CONTENT_TYPE, "{\"room\":\"r\",\"identity\":\"bob\"}")
                .statusCode()).isEqualTo(200);
        assertThat(server.rooms.lastCall().args()).containsExactly("r", "bob");
        JsonNode muted = ok(post("MutePublishedTrack", admin("r"), NODE_CONTENT_TYPE,
                "{\"room\":\"r\",\"identity\":\"bob\",\"trackSid\":\"TR_x\",\"muted\":true}"));
        assertThat(muted.get("track").get("muted").asBoolean()).isTrue();
        assertThat(server.rooms.lastCall().args()).containsExactly("r", "bob", "TR_x", true);
        JsonNode updated = ok(post("UpdateParticipant", admin("r"), NODE_CONTENT_TYPE,
                "{\"room\":\"r\",\"identity\":\"bob\",\"metadata\":\"md\",\"name\":\"Bob\","
                        + "\"permission\":{\"canPublish\":false,\"canSubscribe\":true,\"canPublishSources\":[\"CAMERA\"]},"
                        + "\"attributes\":{\"k\":\"v\"}}"));
        LivekitRoom.UpdateParticipantRequest sent =
                (LivekitRoom.UpdateParticipantRequest) server.rooms.lastCall().args().getFirst();
        assertThat(sent.getPermission().getCanSubscribe()).isTrue();
        assertThat(sent.getPermission().getCanPublishSourcesList()).hasSize(1);
        assertThat(sent.getAttributesMap()).containsEntry("k", "v");
        assertThat(updated.get("permission").get("can_publish").asBoolean()).isFalse();
        assertThat(updated.get("attributes").get("k").asText()).isEqualTo("v");
    }

    @Test
    void subscriptionsDataAndRoomMetadata() throws Exception {
        assertThat(post("UpdateSubscriptions", admin("r"), NODE_CONTENT_TYPE,
                "{\"room\":\"r\",\"identity\":\"a\",\"trackSids\":[\"TR_1\"],\"subscribe\":true,"
                        + "\"participantTracks\":[{\"participantSid\":\"PA_b\",\"trackSids\":[\"TR_2\"]}]}").body())
                .isEqualTo("{}");
        LivekitRoom.UpdateSubscriptionsRequest subs =
                (LivekitRoom.UpdateSubscriptionsRequest) server.rooms.lastCall().args().getFirst();
        assertThat(subs.getParticipantTracks(0).getTrackSids(0)).isEqualTo("TR_2");
        // bytes are base64 in protojson; the nonce is 16 bytes
        assertThat(post("SendData", admin("r"), NODE_CONTENT_TYPE,
                "{\"room\":\"r\",\"data\":\"aGVsbG8=\",\"kind\":\"RELIABLE\",\"destinationIdentities\":[\"b\"],"
                        + "\"topic\":\"chat\",\"nonce\":\"AAECAwQFBgcICQoLDA0ODw==\"}").statusCode()).isEqualTo(200);
        LivekitRoom.SendDataRequest data = (LivekitRoom.SendDataRequest) server.rooms.lastCall().args().getFirst();
        assertThat(data.getData().toStringUtf8()).isEqualTo("hello");
        assertThat(data.getTopic()).isEqualTo("chat");
        JsonNode room = ok(post("UpdateRoomMetadata", admin("r"), NODE_CONTENT_TYPE,
                "{\"room\":\"r\",\"metadata\":\"new\"}"));
        assertThat(room.get("metadata").asText()).isEqualTo("new");
    }

    @Test
    void sendDataWithAShortNonceIsInvalid() throws Exception {
        HttpResponse<String> response = post("SendData", admin("r"), NODE_CONTENT_TYPE,
                "{\"room\":\"r\",\"data\":\"aGk=\",\"nonce\":\"AAEC\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"code\":\"invalid_argument\","
                + "\"msg\":\"nonce should be 16-bytes or not present, got: 3 bytes\",\"meta\":{}}");
        assertThat(server.rooms.calls).isEmpty();
    }

    @Test
    void roomNotFoundAsTheNodeSdkReadsIt() throws Exception {
        server.rooms.failNext(dev.osprey.signaling.api.RoomServiceException.roomNotFound());
        HttpResponse<String> response = post("ListParticipants", admin("gone"), NODE_CONTENT_TYPE,
                "{\"room\":\"gone\"}");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().allValues("content-type")).containsExactly("application/json");
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("code").asText()).isEqualTo("not_found");
        assertThat(error.get("msg").asText()).isEqualTo("requested room does not exist");
        assertThat(error.get("meta").isObject()).isTrue();
    }
}
