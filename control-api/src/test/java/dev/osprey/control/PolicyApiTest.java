package dev.osprey.control;

import dev.osprey.control.support.TestServer;
import dev.osprey.control.support.TestServer.Res;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Instance policies that need their own server: rate limits, CORS, required e-mail verification, the CLI. */
class PolicyApiTest {

    @Test
    void rateLimitsAnswer429WithBedrudsMessages() {
        var limits = new ControlApiConfig.RateLimit(new ControlApiConfig.RateLimit.Limit(2, 60),
                ControlApiConfig.RateLimit.Limit.DISABLED, new ControlApiConfig.RateLimit.Limit(1, 60),
                ControlApiConfig.RateLimit.Limit.DISABLED);
        try (TestServer server = new TestServer(c -> c.withRateLimit(limits))) {
            Map<String, String> body = Map.of("email", "x@example.com", "password", "nope");
            assertThat(server.post("/api/auth/login", body, null).status()).isEqualTo(401);
            assertThat(server.post("/api/auth/login", body, null).status()).isEqualTo(401);
            Res limited = server.post("/api/auth/login", body, null);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.error()).isEqualTo("too many requests, please try again later");
            assertThat(server.get("/api/room/check/some-room", null).status()).isEqualTo(404);
            Res guest = server.get("/api/room/check/some-room", null);
            assertThat(guest.status()).isEqualTo(429);
            assertThat(guest.error()).isEqualTo("too many guest join attempts");
            assertThat(server.get("/api/health", null).status()).isEqualTo(200);
        }
    }

    @Test
    void corsAllowsConfiguredOriginsWithCredentials() {
        var cors = new ControlApiConfig.Cors(List.of("https://app.example.com"),
                List.of("Origin", "Content-Type", "Accept", "Authorization"), List.of("GET", "POST", "PUT", "DELETE",
                "OPTIONS"), true, List.of(), 600);
        try (TestServer server = new TestServer(c -> c.withCors(cors))) {
            Res preflight = server.send("OPTIONS", "/api/auth/login", null, null, Map.of("Origin",
                    "https://app.example.com", "Access-Control-Request-Method", "POST"));
            assertThat(preflight.status()).isIn(200, 204);
            assertThat(preflight.raw().headers().firstValue("Access-Control-Allow-Origin"))
                    .contains("https://app.example.com");
            assertThat(preflight.raw().headers().firstValue("Access-Control-Allow-Credentials")).contains("true");
            Res foreign = server.send("GET", "/api/health", null, null, Map.of("Origin", "https://evil.example"));
            assertThat(foreign.raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
        assertThatThrownBy(() -> new ControlApiConfig.Cors(List.of("*"), List.of(), List.of(), true, List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requiredEmailVerificationGatesLoginUntilVerified() {
        try (TestServer server = new TestServer(c -> c.withAuth(c.auth().withRequireEmailVerification(true)))) {
            Res reg = server.post("/api/auth/register", Map.of("email", "v@example.com", "password",
                    "correct-horse-battery", "name", "Verify Me"), null);
            assertThat(reg.status()).isEqualTo(200);
            assertThat(reg.get("requiresVerification").asBoolean()).isTrue();
            assertThat(reg.json().has("tokens")).isFalse();
            Res login = server.post("/api/auth/login", Map.of("email", "v@example.com", "password",
                    "correct-horse-battery"), null);
            assertThat(login.status()).isEqualTo(403);
            assertThat(login.error()).isEqualTo("Please verify your email before signing in");
            assertThat(login.get("requiresVerification").asBoolean()).isTrue();
            assertThat(server.post("/api/auth/verify/resend", Map.of("email", "v@example.com"), null).text("message"))
                    .isEqualTo("If the account exists, a verification email has been sent");
            String token = server.mail.lastToken("verification", "v@example.com");
            assertThat(server.post("/api/auth/verify", Map.of(), null).error())
                    .isEqualTo("No verification token provided");
            Res verified = server.post("/api/auth/verify", Map.of("token", token), null);
            assertThat(verified.status()).isEqualTo(200);
            assertThat(verified.json().fieldNames()).toIterable()
                    .containsExactly("access_token", "refresh_token", "verified");
            Res again = server.post("/api/auth/verify", Map.of("token", token), null);
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.get("already_verified").asBoolean()).isTrue();
            Res status = server.get("/api/auth/verify/status", verified.text("access_token"));
            assertThat(status.json().toString()).isEqualTo("{\"verified\":true,\"email\":\"v@example.com\"}");
            assertThat(server.post("/api/auth/verify", Map.of("token", "forged"), null).error())
                    .isEqualTo("The verification link has expired");
        }
    }

    @Test
    void cliCreatesAndPromotesUsers() {
        try (TestServer server = new TestServer()) {
            server.register("later-admin@example.com", "Later Admin");
            assertThat(UserAdmin.promote(server.config, "Later-Admin@example.com")).isTrue();
            assertThat(UserAdmin.promote(server.config, "nobody@example.com")).isFalse();
            Res login = server.post("/api/auth/login", Map.of("email", "later-admin@example.com", "password",
                    "correct-horse-battery"), null);
            assertThat(login.get("user").get("accesses").toString()).contains("superadmin");
            assertThat(server.get("/api/admin/users", login.get("tokens").get("accessToken").asText()).status())
                    .isEqualTo(200);
            assertThatThrownBy(() -> UserAdmin.createUser(server.config, "bad", "correct-horse-battery", "Name", true))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("Invalid email format");
            assertThatThrownBy(() -> UserAdmin.createUser(server.config, "later-admin@example.com",
                    "correct-horse-battery", "Name", true)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void startRefusesMissingSecrets() {
        ControlApiConfig config = ControlApiConfig.defaults();
        assertThatThrownBy(() -> new ControlApiServer(config, new dev.osprey.control.support.FakeRoomService(),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry()).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("jwtSecret");
    }
}
