package dev.osprey.control.livekit;

import com.google.protobuf.util.JsonFormat;
import dev.osprey.control.ControlApiConfig;
import dev.osprey.control.support.FakeRoomService;
import dev.osprey.control.support.LiveKitStandIn;
import dev.osprey.control.support.TestServer;
import dev.osprey.control.support.TestServer.Res;
import io.livekit.server.AccessToken;
import livekit.LivekitModels;
import livekit.LivekitWebhook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * External mode end to end (issue 10): the control API drives a second, LiveKit-like server — Osprey's own signaling
 * module with its real Twirp RoomService and webhook notifier — only over the wire. Rooms are created over Twirp, the
 * join tokens the API mints pass that server's {@code /rtc/validate}, moderation reaches it as Twirp calls, and its
 * signed webhooks ({@code participant_left}, {@code room_finished}) change the database; so does an event signed the
 * way the official LiveKit server SDK signs.
 */
class ExternalModeTest {

    static LiveKitStandIn livekit;
    static TestServer api;
    static String admin;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        livekit = new LiveKitStandIn(TestServer.LK_KEY, TestServer.LK_SECRET);
        api = new TestServer(c -> c.withLivekit(new ControlApiConfig.LiveKit(livekit.url().replace("http://", "ws://"),
                livekit.url(), TestServer.LK_KEY, TestServer.LK_SECRET, true)),
                c -> TwirpRoomService.create(c.livekit()));
        livekit.sendWebhooksTo(api.base() + "/api/livekit/webhook");
        admin = api.superadminToken("external-admin@example.com");
    }

    @AfterAll
    static void stop() {
        api.close();
        livekit.close();
    }

    @Test
    void externalModeNeedsNoProxy() {
        assertThat(api.config.livekit().signalingUrl()).isEmpty();
        assertThat(api.get("/livekit/rtc/validate", null).status()).isEqualTo(404);
    }

    @Test
    void roomLifeCycleOverTwirpAndWebhooks() throws Exception {
        Res owner = api.register("ext-owner@example.com", "Ext Owner");
        String ownerToken = owner.get("tokens").get("accessToken").asText();
        String ownerId = owner.get("user").get("id").asText();
        Res member = api.register("ext-member@example.com", "Ext Member");
        String memberToken = member.get("tokens").get("accessToken").asText();
        String memberId = member.get("user").get("id").asText();

        Res created = api.post("/api/room/create", Map.of("name", "ext-room", "isPublic", true, "maxParticipants", 8),
                ownerToken);
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.text("livekitHost")).isEqualTo(livekit.url().replace("http://", "ws://"));
        String roomId = created.text("id");
        assertThat(livekit.state.calls).contains("createRoom:ext-room:8");

        Res joined = api.post("/api/room/join", Map.of("roomName", "ext-room"), memberToken);
        assertThat(joined.status()).isEqualTo(200);
        // the token the API minted is accepted by the media server's own join check
        assertThat(validate(joined.text("token"))).isEqualTo(200);
        assertThat(validate(joined.text("token") + "x")).isEqualTo(401);
        assertThat(api.post("/api/room/join", Map.of("roomName", "ext-room"), ownerToken).status()).isEqualTo(200);
        livekit.state.connect("ext-room", ownerId, "Ext Owner");
        livekit.state.connect("ext-room", memberId, "Ext Member", FakeRoomService.track("TR_ext_mic",
                LivekitModels.TrackType.AUDIO, LivekitModels.TrackSource.MICROPHONE));
        assertThat(api.get("/api/room/" + roomId + "/presence?countOnly=1", null).get("count").asInt()).isEqualTo(2);

        assertThat(api.post("/api/room/" + roomId + "/mute/" + memberId, Map.of(), ownerToken).status())
                .isEqualTo(200);
        assertThat(livekit.state.calls).contains("mutePublishedTrack:ext-room:" + memberId + ":TR_ext_mic:true");

        // the member closes the tab: LiveKit's participant_left marks the participation inactive
        livekit.leave("ext-room", memberId);
        livekit.awaitAcknowledged(1);
        Res sessions = api.get("/api/admin/users/" + memberId + "/sessions", admin);
        assertThat(sessions.get("sessions").get(0).get("isActive").asBoolean()).isFalse();
        assertThat(sessions.get("sessions").get(0).get("leftAt").isNull()).isFalse();
        assertThat(api.get("/api/admin/rooms?q=ext-room", admin).get("rooms").get(0).get("participantsCount")
                .asInt()).isEqualTo(1);

        // a kick is a Twirp RemoveParticipant, and LiveKit reports it as participant_left
        Res third = api.register("ext-third@example.com", "Ext Third");
        String thirdId = third.get("user").get("id").asText();
        api.post("/api/room/join", Map.of("roomName", "ext-room"), third.get("tokens").get("accessToken").asText());
        livekit.state.connect("ext-room", thirdId, "Ext Third");
        assertThat(api.post("/api/room/" + roomId + "/kick/" + thirdId, Map.of(), ownerToken).status())
                .isEqualTo(200);
        assertThat(livekit.state.calls).contains("removeParticipant:ext-room:" + thirdId);
        livekit.awaitAcknowledged(1);

        // LiveKit closes the room: room_finished ends it here too
        livekit.finish("ext-room");
        livekit.awaitAcknowledged(1);
        Res late = api.post("/api/room/join", Map.of("roomName", "ext-room"), memberToken);
        assertThat(late.status()).isEqualTo(410);
        assertThat(late.error()).isEqualTo("room is no longer active");
        assertThat(api.post("/api/room/join", Map.of("roomName", "ext-room"), ownerToken).text("status"))
                .isEqualTo("archived_owned");
        assertThat(api.get("/api/admin/users/" + ownerId + "/sessions", admin).get("sessions").get(0)
                .get("isActive").asBoolean()).isFalse();
        // only active rooms reserve a name: the owner opens it again, on LiveKit too
        assertThat(api.post("/api/room/create", Map.of("name", "ext-room", "isPublic", true), ownerToken).status())
                .isEqualTo(200);
        assertThat(livekit.state.hasRoom("ext-room")).isTrue();
    }

    @Test
    void deletingARoomEndsItOnLiveKit() throws Exception {
        String owner = api.token("ext-deleter@example.com", "Ext Deleter");
        String roomId = api.post("/api/room/create", Map.of("name", "ext-doomed", "isPublic", true), owner).text("id");
        livekit.state.connect("ext-doomed", "someone", "Someone");
        assertThat(api.delete("/api/room/" + roomId, owner).status()).isEqualTo(202);
        assertThat(livekit.state.hasRoom("ext-doomed")).isFalse();
        assertThat(livekit.state.calls).containsSubsequence("sendData:ext-doomed:system", "deleteRoom:ext-doomed");
        // LiveKit answers with participant_left and room_finished for a room that is already archived here
        livekit.awaitAcknowledged(2);
        assertThat(api.get("/api/room/archived", owner).get("rooms").findValuesAsText("id")).containsExactly(roomId);
    }

    @Test
    void eventsSignedByTheOfficialSdkAreAccepted() throws Exception {
        Res owner = api.register("ext-sdk@example.com", "Ext Sdk");
        String ownerToken = owner.get("tokens").get("accessToken").asText();
        String ownerId = owner.get("user").get("id").asText();
        api.post("/api/room/create", Map.of("name", "ext-sdk-room", "isPublic", true), ownerToken);
        api.post("/api/room/join", Map.of("roomName", "ext-sdk-room"), ownerToken);
        String body = JsonFormat.printer().print(LivekitWebhook.WebhookEvent.newBuilder().setEvent("participant_left")
                .setId("EV_sdk").setCreatedAt(System.currentTimeMillis() / 1000)
                .setRoom(LivekitModels.Room.newBuilder().setName("ext-sdk-room").setSid("RM_sdk"))
                .setParticipant(LivekitModels.ParticipantInfo.newBuilder().setIdentity(ownerId)).build());
        AccessToken token = new AccessToken(TestServer.LK_KEY, TestServer.LK_SECRET);
        token.setSha256(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(body.getBytes(StandardCharsets.UTF_8))));
        String jwt = token.toJwt();
        Res tampered = api.send("POST", "/api/livekit/webhook", body.replace("participant_left", "room_finished"),
                null, Map.of("Authorization", jwt, "Content-Type", "application/webhook+json"));
        assertThat(tampered.status()).isEqualTo(401);
        Res ok = api.send("POST", "/api/livekit/webhook", body, null,
                Map.of("Authorization", jwt, "Content-Type", "application/webhook+json"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(api.get("/api/admin/users/" + ownerId + "/sessions", admin).get("sessions").get(0)
                .get("isActive").asBoolean()).isFalse();
    }

    private static int validate(String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(livekit.url() + "/rtc/validate?access_token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
