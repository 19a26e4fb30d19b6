package dev.osprey.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.control.support.TestServer;
import dev.osprey.control.support.TestServer.Res;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Black-box HTTP tests of the room lifecycle routes of bedrud-api.md §2.3 and the join token of §3.2. */
class RoomApiTest {

    static TestServer server;
    static String owner;
    static String ownerId;

    @BeforeAll
    static void start() {
        server = new TestServer();
        Res r = server.register("owner@example.com", "Room Owner");
        owner = r.get("tokens").get("accessToken").asText();
        ownerId = r.get("user").get("id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Res create(String token, String name, boolean isPublic) {
        return server.post("/api/room/create", Map.of("name", name, "isPublic", isPublic, "maxParticipants", 20,
                "settings", Map.of("allowChat", true, "allowVideo", true, "allowAudio", true)), token);
    }

    static Claims lkClaims(String token) {
        return Jwts.parser().verifyWith(new SecretKeySpec(TestServer.LK_SECRET.getBytes(StandardCharsets.UTF_8),
                "HmacSHA256")).clock(() -> Date.from(server.clock.instant())).build()
                .parseSignedClaims(token).getPayload();
    }

    @Test
    void createReturnsTheContractFieldsAndCreatesTheMediaRoom() {
        Res r = create(owner, "  Team-Sync ", true);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().fieldNames()).toIterable().containsExactly("id", "name", "createdBy", "isActive",
                "isPublic", "maxParticipants", "settings", "livekitHost", "mode");
        assertThat(r.text("name")).isEqualTo("team-sync");
        assertThat(r.text("createdBy")).isEqualTo(ownerId);
        assertThat(r.text("mode")).isEqualTo("standard");
        assertThat(r.get("settings").get("recordingsAllowed").asBoolean()).isTrue();
        assertThat(r.get("settings").get("isPersistent").asBoolean()).isFalse();
        assertThat(server.rooms.calls).contains("createRoom:team-sync:20");
        Res dup = create(owner, "team-sync", true);
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.error()).isEqualTo("a room with this name already exists");
    }

    @Test
    void createValidatesNameModeAndCaps() {
        Res random = server.post("/api/room/create", Map.of("isPublic", true), owner);
        assertThat(random.text("name")).matches("[a-z]{3}-[a-z]{4}-[a-z]{3}");
        assertThat(create(owner, "ab", true).status()).isEqualTo(400);
        assertThat(create(owner, "bad--name", true).status()).isEqualTo(400);
        Res tooMany = server.post("/api/room/create", Map.of("name", "big-room", "maxParticipants", 1001), owner);
        assertThat(tooMany.error()).isEqualTo("maxParticipants must be at most 1000");
        Res mode = server.post("/api/room/create", Map.of("name", "mode-room", "mode", "party"), owner);
        assertThat(mode.error()).isEqualTo("Invalid room mode");
        Res typed = server.post("/api/room/create", Map.of("name", "typed-room", "maxParticipants", "ten"), owner);
        assertThat(typed.error()).isEqualTo("Invalid input");
        String guest = server.post("/api/auth/guest-login", Map.of("name", "Guest"), null)
                .get("tokens").get("accessToken").asText();
        Res byGuest = create(guest, "guest-room", true);
        assertThat(byGuest.status()).isEqualTo(403);
        assertThat(byGuest.error()).isEqualTo("Guests cannot create or manage rooms");
        server.rooms.failCreate = true;
        try {
            Res failed = create(owner, "failing-room", true);
            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.error()).isEqualTo("Failed to create media room");
        } finally {
            server.rooms.failCreate = false;
        }
    }

    @Test
    void joinMintsALiveKitTokenWithBedrudsGrants() {
        create(owner, "join-me", true);
        Res joiner = server.register("joiner@example.com", "Joiner Person");
        String token = joiner.get("tokens").get("accessToken").asText();
        Res r = server.send("POST", "/api/room/join", "{\"roomName\":\"join-me\"}", token,
                Map.of("Content-Type", "application/json", "Origin", "https://meet.example.com"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().fieldNames()).toIterable().containsExactly("id", "name", "token", "createdBy", "adminId",
                "isActive", "isPublic", "maxParticipants", "expiresAt", "settings", "livekitHost", "mode",
                "activeRecordingId");
        assertThat(r.text("livekitHost")).isEqualTo("wss://localhost:7880");
        assertThat(r.text("adminId")).isEqualTo(ownerId);
        Claims c = lkClaims(r.text("token"));
        assertThat(c.getIssuer()).isEqualTo(TestServer.LK_KEY);
        assertThat(c.getSubject()).isEqualTo(joiner.get("user").get("id").asText());
        assertThat(c.get("name", String.class)).isEqualTo("Joiner Person");
        assertThat(c.get("metadata", String.class)).isEqualTo("{\"accesses\":[\"user\"]}");
        assertThat(c.get("video", Map.class)).containsEntry("roomJoin", true).containsEntry("room", "join-me")
                .containsEntry("canUpdateOwnMetadata", true).doesNotContainKeys("canPublish", "roomAdmin");
        assertThat(c.getExpiration().getTime() - c.getIssuedAt().getTime()).isEqualTo(2 * 3600 * 1000L);
        assertThat(server.post("/api/room/join", Map.of("roomName", "nope-room"), token).error())
                .isEqualTo("Room not found");
        assertThat(server.post("/api/room/join", Map.of(), token).error()).isEqualTo("roomName required");
    }

    @Test
    void privateRoomsAdmitOnlyTheCreator() {
        create(owner, "secret-room", false);
        String other = server.token("outsider@example.com", "Outsider Person");
        Res r = server.post("/api/room/join", Map.of("roomName", "secret-room"), other);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.error()).isEqualTo("This room is private");
        assertThat(server.post("/api/room/join", Map.of("roomName", "secret-room"), owner).status()).isEqualTo(200);
        assertThat(server.get("/api/room/check/secret-room", null).error()).isEqualTo("This room is private");
    }

    @Test
    void fullRoomsRefuseNewcomers() {
        server.post("/api/room/create", Map.of("name", "tiny-room", "isPublic", true, "maxParticipants", 1), owner);
        assertThat(server.post("/api/room/join", Map.of("roomName", "tiny-room"), owner).status()).isEqualTo(200);
        String other = server.token("late@example.com", "Late Person");
        Res r = server.post("/api/room/join", Map.of("roomName", "tiny-room"), other);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.error()).isEqualTo("room is full");
        assertThat(server.get("/api/room/check/tiny-room", null).error()).isEqualTo("room is full");
    }

    @Test
    void guestJoinIssuesSessionAndStableIdentity() {
        create(owner, "guest-welcome", true);
        Res r = server.post("/api/room/guest-join", Map.of("roomName", "guest-welcome", "guestName", "Visitor"), null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().fieldNames()).toIterable().containsExactly("id", "name", "token", "adminId", "isPublic",
                "livekitHost", "activeRecordingId", "accessToken", "refreshToken", "tokens");
        String cookie = r.cookie("bedrud_guest_id");
        assertThat(cookie).matches("guest-[a-z0-9]{8}\\.[0-9a-f]{64}");
        assertThat(r.cookies()).noneMatch(c -> c.startsWith("access_token="));
        Claims c = lkClaims(r.text("token"));
        assertThat(c.getSubject()).isEqualTo(cookie.substring(0, cookie.indexOf('.')));
        assertThat(c.get("metadata")).isNull();
        Res again = server.send("POST", "/api/room/guest-join", "{\"roomName\":\"guest-welcome\",\"guestName\":\"V2\"}",
                null, Map.of("Cookie", "bedrud_guest_id=" + cookie, "Content-Type", "application/json"));
        assertThat(lkClaims(again.text("token")).getSubject()).isEqualTo(c.getSubject());
        Res forged = server.send("POST", "/api/room/guest-join",
                "{\"roomName\":\"guest-welcome\",\"guestName\":\"V3\"}", null,
                Map.of("Cookie", "bedrud_guest_id=guest-aaaaaaaa.00", "Content-Type", "application/json"));
        assertThat(lkClaims(forged.text("token")).getSubject()).isNotEqualTo("guest-aaaaaaaa");
        assertThat(server.get("/api/auth/me", r.text("accessToken")).text("provider")).isEqualTo("guest");
        assertThat(server.post("/api/room/guest-join", Map.of("roomName", "guest-welcome", "guestName", ""), null)
                .error()).isEqualTo("Guest name is required");
        assertThat(server.post("/api/room/guest-join", Map.of("roomName", "guest-welcome", "guestName",
                "x".repeat(51)), null).error()).isEqualTo("Guest name too long (max 50 characters)");
    }

    @Test
    void checkAndRefreshToken() {
        create(owner, "check-room", true);
        Res check = server.get("/api/room/check/check-room", null);
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.get("exists").asBoolean()).isTrue();
        assertThat(server.get("/api/room/check/no-such-room", null).status()).isEqualTo(404);
        assertThat(server.get("/api/room/check/BAD_NAME!", null).status()).isEqualTo(400);
        Res token = server.post("/api/room/refresh-token", Map.of("roomName", "check-room"), owner);
        assertThat(token.json().fieldNames()).toIterable().containsExactly("token");
        assertThat(lkClaims(token.text("token")).getSubject()).isEqualTo(ownerId);
        assertThat(server.post("/api/room/refresh-token", Map.of(), owner).error()).isEqualTo("roomName required");
    }

    @Test
    void listSettingsDeleteAndArchive() {
        String me = server.token("lister@example.com", "List Person");
        String id = create(me, "listed-room", true).text("id");
        JsonNode list = server.get("/api/room/list", me).json();
        assertThat(list.isArray()).isTrue();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).fieldNames()).toIterable().contains("id", "name", "createdBy", "isActive",
                "maxParticipants", "createdAt", "updatedAt", "expiresAt", "adminId", "isPublic", "settings", "mode",
                "lastActivityAt");

        String other = server.token("intruder@example.com", "Intruder Person");
        assertThat(server.put("/api/room/" + id + "/settings", Map.of("isPublic", false), other).error())
                .isEqualTo("Insufficient permissions");
        Res updated = server.put("/api/room/" + id + "/settings", Map.of("isPublic", false, "maxParticipants", 5,
                "settings", Map.of("allowChat", true)), me);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.get("isPublic").asBoolean()).isFalse();
        assertThat(updated.get("maxParticipants").asInt()).isEqualTo(5);
        assertThat(updated.get("settings").get("allowVideo").asBoolean()).isFalse();
        assertThat(updated.get("settings").get("allowChat").asBoolean()).isTrue();
        assertThat(server.rooms.calls).contains("createRoom:listed-room:5");

        assertThat(server.delete("/api/room/" + id, other).error()).isEqualTo("Only the room creator can delete this room");
        Res deleted = server.delete("/api/room/" + id, me);
        assertThat(deleted.status()).isEqualTo(202);
        assertThat(deleted.text("message")).isEqualTo("Room deletion queued");
        assertThat(server.rooms.calls).contains("deleteRoom:listed-room");
        assertThat(server.get("/api/room/list", me).json()).isEmpty();
        Res archived = server.get("/api/room/archived?page=1&limit=10", me);
        assertThat(archived.get("total").asInt()).isEqualTo(1);
        assertThat(archived.get("rooms").get(0).fieldNames()).toIterable()
                .containsExactly("id", "name", "createdAt", "deletedAt", "recordingCount");
        Res rejoin = server.post("/api/room/join", Map.of("roomName", "listed-room"), me);
        assertThat(rejoin.text("status")).isEqualTo("archived_owned");
        assertThat(server.post("/api/room/join", Map.of("roomName", "listed-room"), other).status()).isEqualTo(410);
        // an ended room frees its name
        assertThat(create(me, "listed-room", true).status()).isEqualTo(200);
    }

    @Test
    void presenceCountsAndListsConnectedParticipants() {
        String id = create(owner, "presence-room", true).text("id");
        server.rooms.connect("presence-room", ownerId, "Room Owner");
        server.rooms.connect("presence-room", "someone", "Some One");
        Res count = server.get("/api/room/" + id + "/presence?countOnly=1", null);
        assertThat(count.json().toString()).isEqualTo("{\"count\":2}");
        assertThat(server.get("/api/room/" + id + "/presence", null).status()).isEqualTo(401);
        Res list = server.get("/api/room/" + id + "/presence", owner);
        assertThat(list.get("participants")).hasSize(2);
        assertThat(list.get("participants").get(0).fieldNames()).toIterable()
                .containsExactly("identity", "name", "avatarUrl");
        String privateId = create(owner, "hidden-presence", false).text("id");
        assertThat(server.get("/api/room/" + privateId + "/presence?countOnly=1", null).status()).isEqualTo(404);
    }

    @Test
    void participantInfoAndProfile() {
        String id = create(owner, "info-room", true).text("id");
        server.rooms.connect("info-room", ownerId, "Room Owner");
        server.rooms.connect("info-room", "peer-1", "Peer One", TestTracks.mic("TR_a"));
        Res info = server.get("/api/room/" + id + "/participant/peer-1/info", owner);
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.json().fieldNames()).toIterable().containsExactly("identity", "name", "state", "joinedAt",
                "tracks");
        assertThat(info.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(info.get("tracks").get(0).toString())
                .isEqualTo("{\"sid\":\"TR_a\",\"type\":\"AUDIO\",\"source\":\"MICROPHONE\",\"muted\":false}");
        String stranger = server.token("stranger@example.com", "Stranger Person");
        assertThat(server.get("/api/room/" + id + "/participant/peer-1/info", stranger).error())
                .isEqualTo("not authorized for this room");
        Res profile = server.get("/api/room/" + id + "/participant/" + ownerId + "/profile", owner);
        assertThat(profile.json().fieldNames()).toIterable().containsExactly("id", "name", "avatarUrl");
        assertThat(server.get("/api/room/" + id + "/participant/" + ownerId + "/profile", stranger).error())
                .isEqualTo("You must be in this meeting");
        assertThat(server.get("/api/room/" + id + "/participant/ghost/info", owner).status()).isEqualTo(404);
        assertThat(List.of(server.get("/api/room/unknown-id/participant/x/info", owner).status())).containsExactly(404);
    }
}
