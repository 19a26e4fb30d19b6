package dev.osprey.control;

import com.sun.net.httpserver.HttpServer;
import dev.osprey.control.support.TestCertificates;
import dev.osprey.control.support.TestServer;
import dev.osprey.control.support.TestServer.Res;
import livekit.LivekitModels;
import livekit.LivekitRoom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's operational routes (bedrud-api.md §2.4) and the public certificate and WebXDC routes (§2.1): job queue,
 * certificate status and download, settings connectivity checks, test e-mail, verification resend, the room time line,
 * the room list's filters, the overview's shape and the creator's {@code room_permissions} row.
 */
class AdminOpsApiTest {

    static TestServer server;
    static String admin;

    @BeforeAll
    static void start() {
        server = new TestServer();
        admin = server.superadminToken("ops@example.com");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void queueReportsDeliveriesAndFailures() {
        server.mail.failWith(new IllegalStateException("relay refused: 550 mailbox unavailable"));
        try {
            server.register("queue-fail@example.com", "Queue Fail");
            server.post("/api/auth/forgot-password", Map.of("email", "queue-fail@example.com"), null);
            Res q = server.get("/api/admin/queue", admin);
            assertThat(q.status()).isEqualTo(200);
            assertThat(q.json().fieldNames()).toIterable().contains("pending", "active", "done24h", "failed24h",
                    "total", "maxDepth", "processedPerMin", "failedPerMin", "failRate", "pendingEmail",
                    "failedEmail24h");
            assertThat(q.get("maxDepth").asLong()).isEqualTo(10_000);
            assertThat(q.get("total").asLong()).isPositive();
        } finally {
            server.mail.failWith(null);
        }
        assertThat(server.get("/api/admin/queue", server.token("queue-user@example.com", "Queue User")).status())
                .isEqualTo(403);
    }

    @Test
    void certificateRoutesWithoutTls() {
        Res info = server.get("/api/admin/cert-info", admin);
        assertThat(info.json().toString()).isEqualTo("{\"enabled\":false,\"status\":\"not_configured\"}");
        Res cert = server.get("/api/cert", null);
        assertThat(cert.status()).isEqualTo(404);
        assertThat(cert.error()).isEqualTo("TLS not enabled");
        assertThat(server.get("/api/webxdc/config", null).json().toString())
                .isEqualTo("{\"webxdc\":{\"enabled\":false,\"experimental\":true}}");
    }

    @Test
    void certificateRoutesWithTls(@TempDir Path dir) throws Exception {
        var pair = TestCertificates.pair("EC", java.time.Instant.now(), 20, false);
        Path cert = pair.writeCert(dir);
        Path key = pair.writeKey(dir);
        try (TestServer tls = new TestServer(c -> c.withServer(c.server().withTls(true, cert.toString(),
                key.toString())))) {
            String root = tls.superadminToken("tls@example.com");
            Res info = tls.get("/api/admin/cert-info", root);
            assertThat(info.status()).isEqualTo(200);
            assertThat(info.json().fieldNames()).toIterable().containsExactly("enabled", "status", "daysRemaining",
                    "notAfter", "subject", "issuer", "notBefore", "sans");
            assertThat(info.text("status")).isEqualTo("expiring");
            assertThat(info.get("daysRemaining").asInt()).isEqualTo(20);
            assertThat(info.get("sans").toString()).isEqualTo("[\"sfu.example.com\",\"192.0.2.7\"]");
            Res download = tls.get("/api/cert", null);
            assertThat(download.status()).isEqualTo(200);
            assertThat(download.raw().body()).isEqualTo(pair.certPem());
            assertThat(download.raw().headers().firstValue("Content-Type")).hasValue("application/x-pem-file");
            assertThat(download.raw().headers().firstValue("Content-Disposition")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("attachment;"));
            Res overview = tls.get("/api/admin/overview", root);
            assertThat(overview.get("health").get("tls").get("status").asText()).isEqualTo("expiring");
            assertThat(overview.get("needsAttention").get(0).get("type").asText()).isEqualTo("tls_expiry");
            assertThat(overview.get("needsAttention").get(0).get("severity").asText()).isEqualTo("warning");
            Files.writeString(key, TestCertificates.pkcs8(TestCertificates.keys("EC")));
            Res broken = tls.get("/api/admin/cert-info", root);
            assertThat(broken.status()).isEqualTo(503);
            assertThat(broken.error()).isEqualTo("TLS certificate validation failed");
            Files.delete(cert);
            assertThat(tls.get("/api/cert", null).error()).isEqualTo("Certificate not found");
        }
    }

    @Test
    void settingsValidationChecksEachGroup(@TempDir Path dir) throws Exception {
        HttpServer livekit = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        livekit.createContext("/twirp/livekit.RoomService/ListRooms", exchange -> {
            boolean authorised = exchange.getRequestHeaders().getFirst("Authorization") != null;
            byte[] body = authorised ? LivekitRoom.ListRoomsResponse.newBuilder()
                    .addRooms(LivekitModels.Room.newBuilder().setName("r")).build().toByteArray() : new byte[0];
            exchange.sendResponseHeaders(authorised ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        livekit.start();
        try {
            String host = "http://127.0.0.1:" + livekit.getAddress().getPort();
            var pair = TestCertificates.pair("RSA", java.time.Instant.now(), 365, true);
            Res r = server.post("/api/admin/settings/validate", Map.of("livekitHost", host, "livekitApiKey", "k",
                    "livekitApiSecret", "••••••••", "serverCertFile", pair.writeCert(dir).toString(),
                    "serverKeyFile", pair.writeKey(dir).toString(), "chatUploadBackend", "s3",
                    "serverEmail", "not-an-address"), admin);
            assertThat(r.status()).isEqualTo(200);
            var checks = r.get("checks");
            assertThat(checks.get("livekit").toString()).isEqualTo("{\"status\":\"ok\"}");
            assertThat(checks.get("tls").toString()).isEqualTo("{\"status\":\"ok\"}");
            assertThat(checks.get("s3").get("status").asText()).isEqualTo("error");
            assertThat(checks.get("email").toString())
                    .isEqualTo("{\"status\":\"error\",\"message\":\"invalid email format\"}");
        } finally {
            livekit.stop(0);
        }
        Res partial = server.post("/api/admin/settings/validate", Map.of("livekitHost", "http://127.0.0.1:1",
                "livekitApiKey", "k", "livekitApiSecret", "s", "serverCertFile", dir.resolve("none.pem").toString()),
                admin);
        assertThat(partial.get("checks").get("livekit").get("status").asText()).isEqualTo("error");
        assertThat(partial.get("checks").get("tls").toString())
                .isEqualTo("{\"status\":\"error\",\"message\":\"keyFile is empty\"}");
        assertThat(server.post("/api/admin/settings/validate", Map.of("livekitApiKey", "k"), admin)
                .get("checks").get("livekit").toString())
                .isEqualTo("{\"status\":\"skipped\",\"message\":\"no host provided\"}");
        assertThat(server.post("/api/admin/settings/validate", Map.of(), admin).json().toString())
                .isEqualTo("{\"checks\":{}}");
        assertThat(server.post("/api/admin/settings/validate", "[1]", admin).status()).isEqualTo(400);
    }

    @Test
    void testEmailGoesStraightToTheSender() {
        assertThat(server.post("/api/admin/settings/send-test-email", Map.of(), admin).error())
                .isEqualTo("to field is required");
        assertThat(server.post("/api/admin/settings/send-test-email", Map.of("to", "nope"), admin).error())
                .isEqualTo("Invalid email format");
        Res ok = server.post("/api/admin/settings/send-test-email", Map.of("to", "Ops-Test@Example.com"), admin);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().toString())
                .isEqualTo("{\"status\":\"ok\",\"message\":\"Test email sent to ops-test@example.com\"}");
        assertThat(server.mail.messages).anySatisfy(m -> {
            assertThat(m.to()).isEqualTo("ops-test@example.com");
            assertThat(m.kind()).isEqualTo("test");
        });
        server.mail.failWith(new IllegalStateException("535 authentication failed"));
        try {
            Res failed = server.post("/api/admin/settings/send-test-email", Map.of("to", "ops-test@example.com"),
                    admin);
            assertThat(failed.status()).isEqualTo(400);
            assertThat(failed.error()).isEqualTo("535 authentication failed");
        } finally {
            server.mail.failWith(null);
        }
        server.mail.configured = false;
        try {
            assertThat(server.post("/api/admin/settings/send-test-email", Map.of("to", "ops-test@example.com"),
                    admin).error()).isEqualTo("Email delivery is not configured on this server");
        } finally {
            server.mail.configured = true;
        }
    }

    @Test
    void adminResendsVerification() {
        String id = server.register("resend-me@example.com", "Resend Me").get("user").get("id").asText();
        Res sent = server.post("/api/admin/users/" + id + "/verify/resend", Map.of(), admin);
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.text("message")).isEqualTo("Verification email sent");
        assertThat(server.mail.lastToken("verification", "resend-me@example.com")).isNotEmpty();
        server.post("/api/admin/users/" + id + "/verify", Map.of(), admin);
        Res again = server.post("/api/admin/users/" + id + "/verify/resend", Map.of(), admin);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.error()).isEqualTo("User email is already verified");
        assertThat(server.post("/api/admin/users/nobody/verify/resend", Map.of(), admin).status()).isEqualTo(404);
    }

    @Test
    void roomTimeLineAndListFilters() {
        Res owner = server.register("timeline-owner@example.com", "Timeline Owner");
        String ownerToken = owner.get("tokens").get("accessToken").asText();
        String ownerId = owner.get("user").get("id").asText();
        String roomId = server.post("/api/room/create", Map.of("name", "timeline-room", "isPublic", true,
                "maxParticipants", 4), ownerToken).text("id");
        String guest = server.token("timeline-guest@example.com", "Timeline Guest");
        assertThat(server.post("/api/room/join", Map.of("roomName", "timeline-room"), guest).status()).isEqualTo(200);
        assertThat(server.scalar("SELECT COUNT(*) FROM room_permissions WHERE room_id = ? AND user_id = ?"
                + " AND is_admin = ?", roomId, ownerId, true)).isEqualTo(1);

        Res events = server.get("/api/admin/rooms/events?q=timeline-room&limit=1000", admin);
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.get("limit").asInt()).isEqualTo(50);
        assertThat(events.get("total").asInt()).isEqualTo(3);
        assertThat(events.get("events").get(0).fieldNames()).toIterable().containsExactly("type", "roomId",
                "roomName", "userId", "userName", "timestamp");
        Res joins = server.get("/api/admin/rooms/events?q=timeline&type=room_joined&order=asc", admin);
        assertThat(joins.get("events").findValuesAsText("userName")).containsExactlyInAnyOrder("Timeline Owner",
                "Timeline Guest");
        String today = LocalDate.ofInstant(server.clock.instant(), ZoneOffset.UTC).toString();
        assertThat(server.get("/api/admin/rooms/events?q=timeline-room&dateFrom=" + today + "&dateTo=" + today,
                admin).get("total").asInt()).isEqualTo(3);
        assertThat(server.get("/api/admin/rooms/events?q=timeline-room&dateTo=2000-01-01", admin)
                .get("total").asInt()).isZero();
        assertThat(server.get("/api/admin/rooms/events?type=room_deleted", admin).error())
                .isEqualTo("Invalid event type: room_deleted");
        assertThat(server.get("/api/admin/rooms/events?dateFrom=yesterday", admin).error())
                .isEqualTo("Invalid dateFrom format, expected YYYY-MM-DD");
        assertThat(server.get("/api/admin/rooms/events?order=up", admin).error())
                .isEqualTo("Invalid order, must be asc or desc");

        assertThat(ids("/api/admin/rooms?occupancy=1-5&q=timeline")).containsExactly(roomId);
        assertThat(ids("/api/admin/rooms?occupancy=empty&q=timeline")).isEmpty();
        assertThat(ids("/api/admin/rooms?capacity=1-5&q=timeline")).containsExactly(roomId);
        assertThat(ids("/api/admin/rooms?owner=timeline-owner")).containsExactly(roomId);
        assertThat(ids("/api/admin/rooms?visibility=private&q=timeline")).isEmpty();
        assertThat(ids("/api/admin/rooms?status=active,archived&q=timeline&sort=participantsCount")).contains(roomId);
        assertThat(ids("/api/admin/rooms?created=today&q=timeline")).containsExactly(roomId);
        assertThat(ids("/api/admin/rooms?dateFrom=2000-01-01T00:00:00Z&lastActivityFrom=" + today
                + "&q=timeline")).containsExactly(roomId);
        for (String bad : List.of("visibility=hidden", "status=gone", "occupancy=many", "capacity=9",
                "created=1y", "sort=size", "order=sideways", "dateFrom=tomorrow")) {
            assertThat(server.get("/api/admin/rooms?" + bad, admin).status()).as(bad).isEqualTo(400);
        }
    }

    private static List<String> ids(String path) {
        Res r = server.get(path, admin);
        assertThat(r.status()).as(path).isEqualTo(200);
        return r.get("rooms").findValuesAsText("id");
    }

    @Test
    void recentSignupsFilters() {
        server.register("recent-one@example.com", "Recent One");
        assertThat(server.post("/api/auth/guest-login", Map.of("name", "Recent Guest"), null).status())
                .isEqualTo(200);
        Res recent = server.get("/api/admin/users/recent?q=recent", admin);
        assertThat(recent.get("users").findValuesAsText("name")).containsExactly("Recent One");
        assertThat(recent.get("users").get(0).fieldNames()).toIterable().containsExactly("id", "name", "email",
                "provider", "createdAt");
        assertThat(server.get("/api/admin/users/recent?q=recent&provider=guest", admin).get("users")
                .findValuesAsText("name")).containsExactly("Recent Guest");
        assertThat(server.get("/api/admin/users/recent?q=recent&provider=local,guest&sort=name&order=asc", admin)
                .get("users").findValuesAsText("name")).containsExactly("Recent Guest", "Recent One");
        String today = LocalDate.ofInstant(server.clock.instant(), ZoneOffset.UTC).toString();
        assertThat(server.get("/api/admin/users/recent?q=recent&dateFrom=" + today + "&dateTo=" + today, admin)
                .get("total").asInt()).isEqualTo(1);
        assertThat(server.get("/api/admin/users/recent?q=recent&dateTo=2000-01-01", admin).get("total").asInt())
                .isZero();
        assertThat(server.get("/api/admin/users/recent?provider=myspace", admin).error())
                .isEqualTo("Invalid provider: myspace");
        assertThat(server.get("/api/admin/users/recent?dateTo=01/01/2000", admin).error())
                .isEqualTo("Invalid dateTo format, expected YYYY-MM-DD");
        assertThat(server.get("/api/admin/users/recent?sort=email", admin).error()).isEqualTo("Invalid sort field");
    }

    @Test
    void overviewHasBedrudsShape() {
        String owner = server.token("overview-owner@example.com", "Overview Owner");
        server.post("/api/room/create", Map.of("name", "overview-room", "isPublic", false), owner);
        server.rooms.connect("overview-room", "someone", "Someone");
        Res o = server.get("/api/admin/overview", admin);
        assertThat(o.status()).isEqualTo(200);
        assertThat(o.json().fieldNames()).toIterable().containsExactly("health", "kpis", "activityTrend",
                "roomComposition", "needsAttention", "recentSignups", "recentRoomEvents", "instanceInfo");
        assertThat(o.get("health").get("status").asText()).isEqualTo("healthy");
        assertThat(o.get("health").get("realtime").asText()).isEqualTo("connected");
        assertThat(o.get("health").get("dbStatus").asText()).isEqualTo("connected");
        assertThat(o.get("health").get("tls").get("status").asText()).isEqualTo("unknown");
        assertThat(o.get("kpis").fieldNames()).toIterable().containsExactly("totalUsers", "onlineNow", "totalRooms",
                "activeSessions", "pendingActions");
        assertThat(o.get("kpis").get("totalUsers").get("value").asInt()).isPositive();
        assertThat(o.get("kpis").get("totalUsers").get("deltaLabel").asText()).isEqualTo("this week");
        assertThat(o.get("kpis").get("onlineNow").get("value").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(o.get("activityTrend")).hasSize(7);
        var today = o.get("activityTrend").get(6);
        assertThat(today.get("date").asText())
                .isEqualTo(LocalDate.ofInstant(server.clock.instant(), ZoneOffset.UTC).toString());
        assertThat(today.get("roomsCreated").asInt()).isPositive();
        assertThat(o.get("roomComposition").fieldNames()).toIterable().containsExactly("live", "public", "private",
                "persistent", "stale");
        assertThat(o.get("roomComposition").get("private").asInt()).isPositive();
        assertThat(o.get("recentSignups").get(0).fieldNames()).toIterable().containsExactly("id", "name", "email",
                "provider", "createdAt");
        assertThat(o.get("recentRoomEvents").size()).isBetween(1, 5);
        assertThat(o.get("instanceInfo").fieldNames()).toIterable().containsExactly("name", "version",
                "uptimeSeconds", "startedAt");
    }
}
