package dev.osprey.control.livekit;

import dev.osprey.control.support.TestServer;
import dev.osprey.control.support.TestServer.Res;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/livekit/webhook}: signature checks and the two events that change the database. */
class WebhookApiTest {

    static TestServer server;
    static String owner;

    @BeforeAll
    static void start() {
        server = new TestServer();
        owner = server.token("hook-owner@example.com", "Hook Owner");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String sign(String body, String key, String secret, long nowMillis) {
        String hash = Base64.getEncoder().encodeToString(WebhookVerifier.sha256(body.getBytes(StandardCharsets.UTF_8)));
        return Jwts.builder().issuer(key).claim("sha256", hash).notBefore(new Date(nowMillis))
                .expiration(new Date(nowMillis + 300_000))
                .signWith(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"), Jwts.SIG.HS256)
                .compact();
    }

    private Res deliver(String body, String authorization) {
        return server.send("POST", "/api/livekit/webhook", body, null,
                Map.of("Authorization", authorization, "Content-Type", "application/webhook+json"));
    }

    private Res deliver(String body) {
        return deliver(body, sign(body, TestServer.LK_KEY, TestServer.LK_SECRET, server.clock.millis()));
    }

    @Test
    void rejectsBadSignatures() {
        String body = "{\"event\":\"room_started\",\"room\":{\"name\":\"x\"}}";
        assertThat(deliver(body, "").status()).isEqualTo(401);
        Res forged = deliver(body, sign(body, TestServer.LK_KEY, "another-secret-that-is-also-32-bytes-long",
                server.clock.millis()));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.error()).isEqualTo("invalid webhook signature");
        assertThat(deliver(body, sign(body, "OTHERKEY", TestServer.LK_SECRET, server.clock.millis())).status())
                .isEqualTo(401);
        String signedForOther = sign("{\"event\":\"room_finished\"}", TestServer.LK_KEY, TestServer.LK_SECRET,
                server.clock.millis());
        assertThat(deliver(body, signedForOther).status()).isEqualTo(401);
        Res ok = deliver(body);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().toString()).isEqualTo("{\"ok\":true}");
        assertThat(deliver("{\"event\":", sign("{\"event\":", TestServer.LK_KEY, TestServer.LK_SECRET,
                server.clock.millis())).status()).isEqualTo(400);
    }

    @Test
    void participantLeftAndRoomFinishedUpdateTheDatabase() {
        server.post("/api/room/create", Map.of("name", "hooked-room", "isPublic", false), owner);
        Res member = server.register("hook-member@example.com", "Hook Member");
        String memberToken = member.get("tokens").get("accessToken").asText();
        String memberId = member.get("user").get("id").asText();
        // a private room admits only active participants; the owner lets the member in by making it public briefly
        String roomId = server.get("/api/room/list", owner).json().get(0).get("id").asText();
        server.put("/api/room/" + roomId + "/settings", Map.of("isPublic", true), owner);
        assertThat(server.post("/api/room/join", Map.of("roomName", "hooked-room"), memberToken).status()).isEqualTo(200);
        server.put("/api/room/" + roomId + "/settings", Map.of("isPublic", false), owner);
        assertThat(server.post("/api/room/refresh-token", Map.of("roomName", "hooked-room"), memberToken).status())
                .isEqualTo(200);

        Res left = deliver("{\"event\":\"participant_left\",\"room\":{\"name\":\"hooked-room\",\"sid\":\"RM_1\"},"
                + "\"participant\":{\"identity\":\"" + memberId + "\",\"state\":\"DISCONNECTED\"},\"id\":\"EV_1\","
                + "\"createdAt\":\"1733000000\",\"unknownField\":1}");
        assertThat(left.status()).isEqualTo(200);
        Res refused = server.post("/api/room/refresh-token", Map.of("roomName", "hooked-room"), memberToken);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error()).isEqualTo("This room is private");

        assertThat(deliver("{\"event\":\"room_finished\",\"room\":{\"name\":\"hooked-room\"}}").status())
                .isEqualTo(200);
        Res joinAfter = server.post("/api/room/join", Map.of("roomName", "hooked-room"), memberToken);
        assertThat(joinAfter.status()).isEqualTo(410);
        assertThat(joinAfter.error()).isEqualTo("room is no longer active");
    }
}
