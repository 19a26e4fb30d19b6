package dev.osprey.control;

import com.sun.net.httpserver.HttpServer;
import dev.osprey.control.admin.OutboundWebhooks;
import dev.osprey.control.support.TestServer;
import dev.osprey.control.support.TestServer.Res;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The superadmin API of bedrud-api.md §2.4. */
class AdminApiTest {

    static TestServer server;
    static String admin;
    static String adminId;

    @BeforeAll
    static void start() {
        server = new TestServer();
        admin = server.superadminToken("root@example.com");
        adminId = server.get("/api/auth/me", admin).text("id");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void onlySuperadminsPass() {
        String user = server.token("plain@example.com", "Plain User");
        Res r = server.get("/api/admin/users", user);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.error()).isEqualTo("Insufficient access rights");
        assertThat(server.get("/api/admin/users", null).status()).isEqualTo(401);
    }

    @Test
    void userListingDetailStatusAndAccesses() {
        Res created = server.register("managed@example.com", "Managed User");
        String id = created.get("user").get("id").asText();
        String token = created.get("tokens").get("accessToken").asText();
        Res list = server.get("/api/admin/users?q=managed&limit=1000", admin);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.get("limit").asInt()).isEqualTo(50);
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.get("users").get(0).fieldNames()).toIterable().containsExactly("id", "email", "name",
                "provider", "isActive", "isAdmin", "accesses", "emailVerifiedAt", "createdAt");
        assertThat(list.get("users").get(0).get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(server.get("/api/admin/users?role=superadmin", admin).get("total").asInt()).isEqualTo(1);
        Res detail = server.get("/api/admin/users/" + id, admin);
        assertThat(detail.json().fieldNames()).toIterable().containsExactly("user", "rooms");
        assertThat(server.get("/api/admin/users/" + id + "/sessions", admin).json().fieldNames()).toIterable()
                .containsExactly("sessions", "total", "page", "limit");

        assertThat(server.put("/api/admin/users/" + id + "/status", Map.of("active", false), admin).text("message"))
                .isEqualTo("User status updated successfully");
        Res blocked = server.get("/api/auth/me", token);
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.error()).isEqualTo("Account is deactivated");
        server.put("/api/admin/users/" + id + "/status", Map.of("active", true), admin);
        assertThat(server.get("/api/auth/me", token).status()).isEqualTo(200);

        assertThat(server.put("/api/admin/users/" + adminId + "/status", Map.of("active", false), admin).status())
                .isEqualTo(400);
        assertThat(server.put("/api/admin/users/" + id + "/accesses", Map.of("accesses", List.of("wizard")), admin)
                .status()).isEqualTo(400);
        assertThat(server.put("/api/admin/users/" + id + "/accesses", Map.of("accesses", List.of("user", "admin")),
                admin).text("message")).isEqualTo("User accesses updated");
        assertThat(server.post("/api/admin/users/" + id + "/force-logout", null, admin).text("message"))
                .isEqualTo("All sessions revoked");
        assertThat(server.get("/api/auth/me", token).status()).isEqualTo(403);
        assertThat(server.put("/api/admin/users/" + id + "/password", Map.of("password", "admin-set-password"), admin)
                .text("message")).isEqualTo("Password updated successfully");
        Res relogin = server.post("/api/auth/login", Map.of("email", "managed@example.com", "password",
                "admin-set-password"), null);
        assertThat(relogin.status()).isEqualTo(200);
        assertThat(relogin.get("user").get("accesses").toString()).isEqualTo("[\"user\",\"admin\"]");
    }

    @Test
    void bulkOperationsReportPerId() {
        String a = server.register("bulk-a@example.com", "Bulk A").get("user").get("id").asText();
        Res r = server.post("/api/admin/users/bulk/promote", Map.of("ids", List.of(a, "missing")), admin);
        assertThat(r.get("totalProcessed").asInt()).isEqualTo(2);
        assertThat(r.get("totalFailed").asInt()).isEqualTo(1);
        assertThat(r.get("results").get(a).get("success").asBoolean()).isTrue();
        assertThat(server.post("/api/admin/users/bulk/ban", Map.of("ids", List.of()), admin).status()).isEqualTo(400);
        Res del = server.post("/api/admin/users/bulk/delete", Map.of("ids", List.of(a, adminId)), admin);
        assertThat(del.status()).isEqualTo(202);
        assertThat(del.get("count").asInt()).isEqualTo(1);
        assertThat(del.get("skipped").toString()).isEqualTo("[\"" + adminId + "\"]");
        assertThat(server.get("/api/admin/users/" + a, admin).status()).isEqualTo(404);
    }

    @Test
    void roomAdministration() {
        String owner = server.token("room-owner@example.com", "Room Owner");
        String id = server.post("/api/room/create", Map.of("name", "admin-room", "isPublic", true), owner).text("id");
        Res rooms = server.get("/api/admin/rooms?q=admin-room", admin);
        assertThat(rooms.get("rooms").get(0).fieldNames()).toIterable().contains("id", "name", "settings",
                "participantsCount", "ownerName", "ownerEmail");
        Res updated = server.put("/api/admin/rooms/" + id, Map.of("maxParticipants", 7,
                "settings", Map.of("e2ee", true)), admin);
        assertThat(updated.get("maxParticipants").asInt()).isEqualTo(7);
        assertThat(updated.get("settings").get("e2ee").asBoolean()).isTrue();
        server.rooms.connect("admin-room", "p1", "P One", TestTracks.mic("TR_1"));
        Res participants = server.get("/api/admin/rooms/" + id + "/participants", admin);
        assertThat(participants.get("participants").get(0).fieldNames()).toIterable().containsExactly("sid",
                "identity", "name", "state", "joinedAt", "isPublisher", "tracks");
        assertThat(server.post("/api/admin/rooms/" + id + "/participants/p1/mute", Map.of(), admin).status())
                .isEqualTo(200);
        assertThat(server.rooms.calls).contains("mutePublishedTrack:admin-room:p1:TR_1:true");
        Res stats = server.get("/api/admin/livekit/stats", admin);
        assertThat(stats.json().fieldNames()).toIterable().containsExactly("totalParticipants", "totalPublishers",
                "activeRooms", "rooms");
        assertThat(server.post("/api/admin/rooms/" + id + "/participants/p1/kick", Map.of(), admin).status())
                .isEqualTo(200);
        assertThat(server.post("/api/admin/rooms/" + id + "/suspend", Map.of(), admin).status()).isEqualTo(202);
        assertThat(server.post("/api/admin/rooms/" + id + "/suspend", Map.of(), admin).error())
                .isEqualTo("Room is not active");
        Res back = server.post("/api/admin/rooms/" + id + "/reactivate", Map.of(), admin);
        assertThat(back.get("isActive").asBoolean()).isTrue();
        Res bulk = server.post("/api/admin/rooms/bulk/close", Map.of("ids", List.of(id)), admin);
        assertThat(bulk.status()).isEqualTo(202);
        assertThat(server.get("/api/admin/rooms/" + id + "/participants", admin).status()).isEqualTo(404);
        assertThat(server.get("/api/admin/online-count", admin).json().has("count")).isTrue();
        assertThat(server.get("/api/admin/overview", admin).json().fieldNames()).toIterable().contains("health",
                "kpis", "instanceInfo");
    }

    @Test
    void settingsMaskSecretsAndOverrideToggles() {
        Res s = server.get("/api/admin/settings", admin);
        assertThat(s.text("jwtSecret")).isEqualTo("••••••••");
        assertThat(s.raw().body()).doesNotContain(TestServer.JWT_SECRET);
        Res put = server.put("/api/admin/settings", Map.of("guestLoginEnabled", false), admin);
        assertThat(put.get("guestLoginEnabled").asBoolean()).isFalse();
        Res guest = server.post("/api/auth/guest-login", Map.of("name", "Nope Guest"), null);
        assertThat(guest.status()).isEqualTo(403);
        assertThat(guest.error()).isEqualTo("Guest login is currently disabled");
        server.put("/api/admin/settings", Map.of("guestLoginEnabled", true), admin);
        assertThat(server.post("/api/auth/guest-login", Map.of("name", "Yes Guest"), null).status()).isEqualTo(200);
    }

    @Test
    void inviteTokensGateRegistration() {
        server.put("/api/admin/settings", Map.of("tokenRegistrationOnly", true), admin);
        try {
            Res none = server.post("/api/auth/register", Map.of("email", "inv@example.com", "password",
                    "correct-horse-battery", "name", "Invited"), null);
            assertThat(none.error()).isEqualTo("An invite token is required to register");
            Res created = server.post("/api/admin/invite-tokens", Map.of("expiresInHours", 1), admin);
            assertThat(created.status()).isEqualTo(201);
            String token = created.text("token");
            assertThat(token).matches("[0-9a-f]{32}");
            Res ok = server.post("/api/auth/register", Map.of("email", "inv@example.com", "password",
                    "correct-horse-battery", "name", "Invited", "inviteToken", token), null);
            assertThat(ok.status()).isEqualTo(200);
            Res reused = server.post("/api/auth/register", Map.of("email", "inv2@example.com", "password",
                    "correct-horse-battery", "name", "Invited", "inviteToken", token), null);
            assertThat(reused.error()).isEqualTo("Invalid or expired invite token");
            Res list = server.get("/api/admin/invite-tokens", admin);
            assertThat(list.get("tokens").get(0).get("used").asBoolean()).isTrue();
            assertThat(server.delete("/api/admin/invite-tokens/" + created.text("id"), admin).text("status"))
                    .isEqualTo("success");
        } finally {
            server.put("/api/admin/settings", Map.of("tokenRegistrationOnly", false), admin);
        }
    }

    @Test
    void outboundWebhooksAreSignedAndDelivered() throws Exception {
        BlockingQueue<String[]> received = new ArrayBlockingQueue<>(10);
        HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sink.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new String[]{exchange.getRequestHeaders().getFirst("X-Bedrud-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Bedrud-Event"), new String(body)});
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        sink.start();
        try {
            String url = "http://127.0.0.1:" + sink.getAddress().getPort() + "/hook";
            Res created = server.post("/api/admin/webhooks", Map.of("name", "Sink", "url", url, "events",
                    List.of("room.created", "ping")), admin);
            assertThat(created.status()).isEqualTo(201);
            String secret = created.text("secret");
            assertThat(server.post("/api/admin/webhooks", Map.of("name", "Bad", "url", url, "events",
                    List.of("nope")), admin).status()).isEqualTo(400);
            Res test = server.post("/api/admin/webhooks/" + created.text("id") + "/test", Map.of(), admin);
            assertThat(test.text("status")).isEqualTo("success");
            assertThat(test.get("httpStatus").asInt()).isEqualTo(204);
            String[] ping = received.poll(10, TimeUnit.SECONDS);
            assertThat(ping[1]).isEqualTo("ping");
            assertThat(ping[0]).isEqualTo("sha256=" + OutboundWebhooks.sign(secret, ping[2].getBytes()));
            String owner = server.token("hooked@example.com", "Hooked Owner");
            server.post("/api/room/create", Map.of("name", "webhook-room", "isPublic", true), owner);
            String[] event = received.poll(10, TimeUnit.SECONDS);
            assertThat(event[1]).isEqualTo("room.created");
            assertThat(event[2]).contains("\"roomName\":\"webhook-room\"");
            assertThat(server.get("/api/admin/webhooks", admin).get("webhooks").get(0).has("secret")).isFalse();
            String rotated = server.post("/api/admin/webhooks/" + created.text("id") + "/rotate-secret", Map.of(),
                    admin).text("secret");
            assertThat(rotated).isNotEqualTo(secret);
            assertThat(server.delete("/api/admin/webhooks/" + created.text("id"), admin).text("status"))
                    .isEqualTo("deleted");
        } finally {
            sink.stop(0);
        }
    }
}
