package dev.osprey.signaling.rooms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.media.api.ParticipantPermission;
import dev.osprey.media.api.ParticipantSession;
import dev.osprey.media.api.TrackInfo;
import io.livekit.server.RoomAdmin;
import io.livekit.server.RoomCreate;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomList;
import io.livekit.server.RoomName;
import io.livekit.server.VideoGrant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every RoomService method as the Node, Python and Go SDKs' JSON clients send it: protojson bodies with lowerCamel
 * names and {@code Content-Type: application/json;charset=UTF-8}; answers with proto field names, defaults emitted,
 * int64 as strings and enums by name; errors as Twirp JSON. And the grants: without the one LiveKit requires, a method
 * is refused {@code unauthenticated} and changes nothing.
 */
class EmbeddedRoomServiceJsonTest {

    private static final String NODE_CONTENT_TYPE = "application/json;charset=UTF-8";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private EmbeddedApiServer server;

    @BeforeEach
    void start() throws Exception {
        server = new EmbeddedApiServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String method, String token, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.method(method)).header("Content-Type", NODE_CONTENT_TYPE)
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        return JSON.readTree(response.body());
    }

    private static void error(HttpResponse<String> response, int status, String code, String msg) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("msg").asText()).isEqualTo(msg);
    }

    private static String admin(String room) {
        return EmbeddedApiServer.token(new RoomAdmin(true), new RoomName(room));
    }

    @Test
    void createListUpdateMetadataAndDeleteRooms() throws Exception {
        String create = EmbeddedApiServer.token(new RoomCreate(true));
        JsonNode room = ok(post("CreateRoom", create, "{\"name\":\"standup\",\"emptyTimeout\":120,"
                + "\"departureTimeout\":30,\"maxParticipants\":8,\"metadata\":\"agenda\",\"nodeId\":\"\"}"));
        assertThat(room.get("sid").asText()).startsWith("RM_");
        assertThat(room.get("empty_timeout").asInt()).isEqualTo(120);
        assertThat(room.get("departure_timeout").asInt()).isEqualTo(30);
        assertThat(room.get("max_participants").asInt()).isEqualTo(8);
        assertThat(room.get("creation_time").isTextual()).as("int64 as a string").isTrue();
        assertThat(room.get("creation_time_ms").asText()).isEqualTo(Long.toString(TestRooms.START_MILLIS));
        assertThat(room.get("num_participants").asInt()).as("defaults are emitted").isZero();
        assertThat(room.get("active_recording").asBoolean()).isFalse();

        JsonNode listed = ok(post("ListRooms", EmbeddedApiServer.token(new RoomList(true)),
                "{\"names\":[\"standup\",\"nope\"]}"));
        assertThat(listed.get("rooms")).hasSize(1);
        assertThat(listed.get("rooms").get(0).get("sid").asText()).isEqualTo(room.get("sid").asText());

        JsonNode updated = ok(post("UpdateRoomMetadata", admin("standup"),
                "{\"room\":\"standup\",\"metadata\":\"{\\\"topic\\\":1}\"}"));
        assertThat(updated.get("metadata").asText()).isEqualTo("{\"topic\":1}");

        server.rooms.join("standup", "alice");
        assertThat(ok(post("DeleteRoom", create, "{\"room\":\"standup\"}")).size()).isZero();
        assertThat(server.rooms.events.events()).contains("left standup alice ROOM_DELETED");
        error(post("DeleteRoom", create, "{\"room\":\"standup\"}"), 404, "not_found", "requested room does not exist");
        assertThat(ok(post("ListRooms", EmbeddedApiServer.token(new RoomList(true)), "{}")).get("rooms")).isEmpty();
    }

    @Test
    void listGetAndRemoveParticipants() throws Exception {
        ParticipantSession alice = server.rooms.join("standup", "alice");
        TestRooms.publishCamera(alice);
        JsonNode list = ok(post("ListParticipants", admin("standup"), "{\"room\":\"standup\"}"));
        assertThat(list.get("participants")).hasSize(1);
        JsonNode got = ok(post("GetParticipant", admin("standup"), "{\"room\":\"standup\",\"identity\":\"alice\"}"));
        assertThat(got.get("sid").asText()).isEqualTo(alice.info().id().value());
        assertThat(got.get("state").asText()).isEqualTo("JOINING");
        assertThat(got.get("kind").asText()).isEqualTo("STANDARD");
        assertThat(got.get("joined_at_ms").asText()).isEqualTo(Long.toString(TestRooms.START_MILLIS));
        assertThat(got.get("is_publisher").asBoolean()).isTrue();
        assertThat(got.get("permission").get("can_publish").asBoolean()).isTrue();
        JsonNode track = got.get("tracks").get(0);
        assertThat(track.get("type").asText()).isEqualTo("VIDEO");
        assertThat(track.get("source").asText()).isEqualTo("CAMERA");
        assertThat(track.get("mime_type").asText()).isEqualTo("video/VP8");
        assertThat(track.get("simulcast").asBoolean()).isTrue();
        assertThat(track.get("codecs").get(0).get("cid").asText()).isEqualTo("cam-alice");

        ok(post("RemoveParticipant", admin("standup"), "{\"room\":\"standup\",\"identity\":\"alice\"}"));
        assertThat(server.rooms.events.events()).contains("left standup alice PARTICIPANT_REMOVED");
        error(post("GetParticipant", admin("standup"), "{\"room\":\"standup\",\"identity\":\"alice\"}"), 404,
                "not_found", "participant does not exist");
    }

    @Test
    void muteUpdateParticipantAndSubscriptions() throws Exception {
        ParticipantSession alice = server.rooms.join("standup", "alice");
        TrackInfo mic = TestRooms.publishMicrophone(alice);
        ParticipantSession bob = server.rooms.join("standup", "bob", ParticipantPermission.DEFAULT, false);

        JsonNode muted = ok(post("MutePublishedTrack", admin("standup"), "{\"room\":\"standup\",\"identity\":\"alice\","
                + "\"trackSid\":\"" + mic.id() + "\",\"muted\":true}"));
        assertThat(muted.get("track").get("muted").asBoolean()).isTrue();
        assertThat(alice.publisher().tracks().getFirst().muted()).isTrue();

        ok(post("UpdateSubscriptions", admin("standup"), "{\"room\":\"standup\",\"identity\":\"bob\","
                + "\"trackSids\":[\"" + mic.id() + "\"],\"subscribe\":true}"));
        assertThat(bob.subscriber().subscriptions()).extracting(s -> s.track()).containsExactly(mic.id());

        JsonNode updated = ok(post("UpdateParticipant", admin("standup"), "{\"room\":\"standup\",\"identity\":\"alice\","
                + "\"name\":\"Alice\",\"attributes\":{\"role\":\"viewer\"},"
                + "\"permission\":{\"canSubscribe\":true,\"canPublish\":false,\"canPublishData\":true}}"));
        assertThat(updated.get("name").asText()).isEqualTo("Alice");
        assertThat(updated.get("attributes").get("role").asText()).isEqualTo("viewer");
        assertThat(updated.get("permission").get("can_publish").asBoolean()).isFalse();
        assertThat(updated.get("tracks")).isEmpty();
        assertThat(bob.subscriber().subscriptions()).as("the unpublished track's subscription ended").isEmpty();
    }

    @Test
    void sendDataWithTopicAndNonce() throws Exception {
        server.rooms.join("standup", "alice");
        String nonce = Base64.getEncoder().encodeToString(new byte[16]);
        ok(post("SendData", admin("standup"), "{\"room\":\"standup\",\"data\":\""
                + Base64.getEncoder().encodeToString("hi".getBytes()) + "\",\"kind\":\"LOSSY\","
                + "\"destinationIdentities\":[\"alice\"],\"topic\":\"system\",\"nonce\":\"" + nonce + "\"}"));
        RecordingDataSender.Sent sent = server.data.sent.getFirst();
        assertThat(sent.reliable()).isFalse();
        assertThat(sent.destinationIdentities()).containsExactly("alice");
        assertThat(sent.packet().getUser().getTopic()).isEqualTo("system");
        assertThat(sent.packet().getUser().getPayload().toStringUtf8()).isEqualTo("hi");
        error(post("SendData", admin("standup"), "{\"room\":\"standup\",\"data\":\"aGk=\",\"nonce\":\"AAAA\"}"), 400,
                "invalid_argument", "nonce should be 16-bytes or not present, got: 3 bytes");
        assertThat(server.data.sent).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CreateRoom          | {"name":"other"}
            ListRooms           | {}
            DeleteRoom          | {"room":"standup"}
            ListParticipants    | {"room":"standup"}
            GetParticipant      | {"room":"standup","identity":"alice"}
            RemoveParticipant   | {"room":"standup","identity":"alice"}
            MutePublishedTrack  | {"room":"standup","identity":"alice","trackSid":"TR_x","muted":true}
            UpdateParticipant   | {"room":"standup","identity":"alice","metadata":"x"}
            UpdateSubscriptions | {"room":"standup","identity":"alice","trackSids":["TR_x"],"subscribe":true}
            SendData            | {"room":"standup","data":"aGk="}
            UpdateRoomMetadata  | {"room":"standup","metadata":"x"}
            """)
    void withoutTheRequiredGrantEveryMethodIsRefusedAndChangesNothing(String method, String body) throws Exception {
        ParticipantSession alice = server.rooms.join("standup", "alice");
        List<String> before = server.rooms.events.events();
        List<VideoGrant[]> wrong = List.of(
                new VideoGrant[] {new RoomJoin(true), new RoomName("standup")},
                new VideoGrant[] {new RoomAdmin(true), new RoomName("elsewhere")},
                new VideoGrant[] {new RoomAdmin(true)});
        for (VideoGrant[] grants : wrong) {
            error(post(method, EmbeddedApiServer.token(grants), body), 401, "unauthenticated", "permissions denied");
        }
        assertThat(server.rooms.events.events()).isEqualTo(before);
        assertThat(alice.isClosed()).isFalse();
        assertThat(alice.info().metadata()).isEmpty();
        assertThat(server.data.sent).isEmpty();
        assertThat(server.rooms.registry.list()).hasSize(1);
    }
}
