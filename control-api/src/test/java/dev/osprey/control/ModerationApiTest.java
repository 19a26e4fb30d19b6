package dev.osprey.control;

import dev.osprey.control.support.TestServer;
import dev.osprey.control.support.TestServer.Res;
import livekit.LivekitRoom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Moderation routes of bedrud-api.md §2.3 and the room-service calls of §7 they must make. */
class ModerationApiTest {

    static TestServer server;
    static String admin;
    static String adminId;
    static String member;
    static String memberId;
    static String roomId;
    static final String ROOM = "mod-room";

    @BeforeAll
    static void start() {
        server = new TestServer();
        Res a = server.register("host@example.com", "Host Person");
        admin = a.get("tokens").get("accessToken").asText();
        adminId = a.get("user").get("id").asText();
        Res m = server.register("member@example.com", "Member Person");
        member = m.get("tokens").get("accessToken").asText();
        memberId = m.get("user").get("id").asText();
        roomId = server.post("/api/room/create", Map.of("name", ROOM, "isPublic", true), admin).text("id");
        server.post("/api/room/join", Map.of("roomName", ROOM), admin);
        server.post("/api/room/join", Map.of("roomName", ROOM), member);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void connectEveryone() {
        server.rooms.connect(ROOM, adminId, "Host Person", TestTracks.mic("TR_host"));
        server.rooms.connect(ROOM, memberId, "Member Person", TestTracks.mic("TR_mic"), TestTracks.camera("TR_cam"),
                TestTracks.screen("TR_scr"), TestTracks.screenAudio("TR_scra"));
        server.rooms.calls.clear();
        server.rooms.sent.clear();
    }

    private Res act(String path, String token) {
        return server.post("/api/room/" + roomId + path, null, token);
    }

    private static String lastMessage() {
        LivekitRoom.SendDataRequest r = server.rooms.sent.getLast();
        assertThat(r.getTopic()).isEqualTo("system");
        return r.getData().toString(StandardCharsets.UTF_8);
    }

    @Test
    void muteMutesEveryAudioTrack() {
        Res r = act("/mute/" + memberId, admin);
        assertThat(r.json().toString()).isEqualTo("{\"status\":\"success\"}");
        assertThat(server.rooms.callsStartingWith("mutePublishedTrack")).containsExactlyInAnyOrder(
                "mutePublishedTrack:" + ROOM + ":" + memberId + ":TR_mic:true",
                "mutePublishedTrack:" + ROOM + ":" + memberId + ":TR_scra:true");
        assertThat(act("/mute/" + adminId, member).error()).isEqualTo("Insufficient permissions");
        assertThat(act("/mute/nobody", admin).error()).isEqualTo("Participant not found");
    }

    @Test
    void videoOffAndScreenshareStopPickTheirSources() {
        assertThat(act("/video/" + memberId + "/off", admin).status()).isEqualTo(200);
        assertThat(server.rooms.callsStartingWith("mutePublishedTrack"))
                .containsExactly("mutePublishedTrack:" + ROOM + ":" + memberId + ":TR_cam:true");
        server.rooms.calls.clear();
        assertThat(act("/screenshare/" + memberId + "/stop", admin).status()).isEqualTo(200);
        assertThat(server.rooms.callsStartingWith("mutePublishedTrack")).containsExactlyInAnyOrder(
                "mutePublishedTrack:" + ROOM + ":" + memberId + ":TR_scr:true",
                "mutePublishedTrack:" + ROOM + ":" + memberId + ":TR_scra:true");
    }

    @Test
    void promoteThenModeratorMayDeafenAndDemote() {
        assertThat(act("/deafen/" + adminId, member).error()).isEqualTo("Insufficient permissions");
        assertThat(act("/promote/" + memberId, member).status()).isEqualTo(403);
        assertThat(act("/promote/" + memberId, admin).text("status")).isEqualTo("success");
        assertThat(server.rooms.updates.getLast().getMetadata()).isEqualTo("{\"accesses\":[\"user\",\"moderator\"]}");
        assertThat(act("/promote/" + memberId, admin).text("status")).isEqualTo("already_moderator");
        Res deafen = act("/deafen/" + adminId, member);
        assertThat(deafen.status()).isEqualTo(200);
        assertThat(lastMessage()).isEqualTo("{\"type\":\"system\",\"event\":\"deafen\",\"actor\":\"" + memberId
                + "\",\"target\":\"" + adminId + "\"}");
        assertThat(server.rooms.sent.getLast().getDestinationIdentitiesList()).containsExactly(adminId);
        assertThat(server.rooms.sent.getLast().getKind()).isEqualTo(livekit.LivekitModels.DataPacket.Kind.RELIABLE);
        assertThat(act("/demote/" + memberId, admin).text("status")).isEqualTo("success");
        assertThat(server.rooms.updates.getLast().getMetadata()).isEqualTo("{\"accesses\":[\"user\"]}");
        assertThat(act("/undeafen/" + adminId, member).status()).isEqualTo(403);
    }

    @Test
    void askSpotlightAndChatBlock() {
        assertThat(act("/ask/" + memberId + "/unmute", admin).status()).isEqualTo(200);
        assertThat(lastMessage()).contains("\"event\":\"ask_unmute\"");
        assertThat(act("/ask/" + memberId + "/camera", admin).status()).isEqualTo(200);
        assertThat(lastMessage()).contains("\"event\":\"ask_camera\"");
        assertThat(act("/ask/" + memberId + "/dance", admin).error()).isEqualTo("Unknown action");
        assertThat(act("/spotlight/" + memberId, admin).status()).isEqualTo(200);
        assertThat(server.rooms.sent.getLast().getDestinationIdentitiesList()).isEmpty();
        assertThat(act("/chat/" + memberId + "/block", admin).status()).isEqualTo(200);
        assertThat(server.rooms.updates.getLast().getMetadata()).contains("\"chatBlocked\":true");
        assertThat(act("/stage/" + memberId + "/bring", admin).status()).isEqualTo(501);
    }

    @Test
    void kickGuardsAndEffects() {
        assertThat(act("/kick/" + adminId, admin).error()).isEqualTo("Cannot kick yourself");
        assertThat(act("/kick/" + adminId, member).error()).isEqualTo("Insufficient permissions");
        Res missing = server.post("/api/room/00000000-0000-0000-0000-000000000000/kick/x", null, admin);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.raw().body()).isEqualTo("Not Found");
        assertThat(act("/kick/" + memberId, admin).text("status")).isEqualTo("success");
        assertThat(server.rooms.calls).contains("removeParticipant:" + ROOM + ":" + memberId);
        assertThat(lastMessage()).contains("\"event\":\"kick\"");
        // kicked, not banned: may rejoin
        assertThat(server.post("/api/room/join", Map.of("roomName", ROOM), member).status()).isEqualTo(200);
    }

    @Test
    void banKeepsTheUserOut() {
        String m2 = server.token("banned@example.com", "Banned Person");
        Res joined = server.post("/api/room/join", Map.of("roomName", ROOM), m2);
        String id = server.get("/api/auth/me", m2).text("id");
        assertThat(joined.status()).isEqualTo(200);
        assertThat(act("/ban/" + id, admin).text("status")).isEqualTo("success");
        assertThat(lastMessage()).contains("\"event\":\"ban\"");
        Res again = server.post("/api/room/join", Map.of("roomName", ROOM), m2);
        assertThat(again.status()).isEqualTo(403);
        assertThat(again.error()).isEqualTo("you are banned from this room");
    }
}
