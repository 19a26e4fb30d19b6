package dev.osprey.control;

import dev.osprey.control.support.TestServer;
import dev.osprey.control.support.TestServer.Res;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Black-box HTTP tests of {@code /api/auth/*} and the system routes against bedrud-api.md §2.1–2.2 and §3.1. */
class AuthApiTest {

    static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthAndReadyAnswerWithStatusAndTime() {
        Res health = server.get("/api/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("healthy");
        assertThat(health.get("time").isNumber()).isTrue();
        Res ready = server.get("/api/ready", null);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.text("status")).isEqualTo("ready");
        Res redirect = server.get("/health", null);
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.raw().headers().firstValue("Location")).contains("/api/health");
    }

    @Test
    void securityHeadersAreOnEveryResponse() {
        Res r = server.get("/api/health", null);
        assertThat(r.raw().headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(r.raw().headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.raw().headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
        assertThat(r.raw().headers().firstValue("Cross-Origin-Resource-Policy")).contains("same-origin");
        assertThat(server.get("/api/nothing-here", null).status()).isEqualTo(404);
    }

    @Test
    void registerReturnsUserTokensAndCookies() {
        Res r = server.register("Alice@Example.COM", "Alice <b>");
        assertThat(r.get("user").get("email").asText()).isEqualTo("alice@example.com");
        assertThat(r.get("user").get("name").asText()).isEqualTo("Alice b");
        assertThat(r.get("user").get("provider").asText()).isEqualTo("local");
        assertThat(r.get("user").get("accesses").toString()).isEqualTo("[\"user\"]");
        assertThat(r.get("user").has("password")).isFalse();
        assertThat(r.get("user").fieldNames()).toIterable().contains("id", "avatarUrl", "isActive",
                "emailVerifiedAt", "passwordChangedAt", "createdAt", "updatedAt");
        assertThat(r.get("tokens").get("accessToken").asText()).isNotEmpty();
        assertThat(r.get("tokens").get("refreshToken").asText()).isNotEmpty();
        assertThat(r.cookies()).anySatisfy(c -> assertThat(c).startsWith("access_token=").containsIgnoringCase("HttpOnly")
                .contains("Path=/").contains("SameSite=Lax").contains("Max-Age=86400"));
        assertThat(r.cookies()).anySatisfy(c -> assertThat(c).startsWith("refresh_token=").contains("Max-Age=604800"));
    }

    @Test
    void registerValidatesWithBedrudsMessages() {
        String pw = "correct-horse-battery";
        assertThat(reg("x@example.com", pw, "").error()).isEqualTo("Invalid input");
        assertThat(reg("not-an-email", pw, "Bob Bob").error()).isEqualTo("Invalid email format");
        assertThat(reg("b@example.com", pw, "B").error()).isEqualTo("Name must be at least 2 characters");
        assertThat(reg("b@example.com", pw, "B".repeat(256)).error()).isEqualTo("Name must be at most 255 characters");
        assertThat(reg("b@example.com", "short", "Bob Bob").error()).isEqualTo("Password must be at least 12 characters");
        assertThat(reg("b@example.com", "p".repeat(129), "Bob Bob").error())
                .isEqualTo("Password must be at most 128 characters");
        server.register("dup@example.com", "Dup User");
        Res dup = reg("DUP@example.com", pw, "Dup Again");
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.error()).isEqualTo("Unable to register with the provided details");
    }

    private Res reg(String email, String password, String name) {
        Res r = server.post("/api/auth/register", Map.of("email", email, "password", password, "name", name), null);
        assertThat(r.status()).isEqualTo(400);
        return r;
    }

    @Test
    void loginChecksCredentials() {
        server.register("login@example.com", "Login User");
        Res ok = server.post("/api/auth/login", Map.of("email", "LOGIN@example.com", "password",
                "correct-horse-battery"), null);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.get("user").get("email").asText()).isEqualTo("login@example.com");
        Res wrong = server.post("/api/auth/login", Map.of("email", "login@example.com", "password", "wrong-password!!"),
                null);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.error()).isEqualTo("Invalid credentials");
        Res unknown = server.post("/api/auth/login", Map.of("email", "nobody@example.com", "password", "x"), null);
        assertThat(unknown.status()).isEqualTo(401);
        Res missing = server.post("/api/auth/login", Map.of("email", "login@example.com"), null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.error()).isEqualTo("Email and password are required");
    }

    @Test
    void guestLoginCreatesGuestUser() {
        Res r = server.post("/api/auth/guest-login", Map.of("name", "Visitor"), null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.get("user").get("provider").asText()).isEqualTo("guest");
        assertThat(r.get("user").get("email").asText()).startsWith("guest_").endsWith("@bedrud.guest");
        assertThat(r.get("user").get("accesses").toString()).isEqualTo("[\"guest\"]");
        assertThat(server.post("/api/auth/guest-login", Map.of("name", " "), null).error()).isEqualTo("Name is required");
        assertThat(server.post("/api/auth/guest-login", Map.of("name", "x"), null).error())
                .isEqualTo("Name must be between 2 and 50 characters");
    }

    @Test
    void refreshRotatesAndDetectsReuse() {
        Res login = server.register("refresh@example.com", "Refresh User");
        String first = login.get("tokens").get("refreshToken").asText();
        Res rotated = server.post("/api/auth/refresh", Map.of("refresh_token", first), null);
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.json().fieldNames()).toIterable().containsExactlyInAnyOrder("access_token", "refresh_token");
        String second = rotated.text("refresh_token");
        assertThat(second).isNotEqualTo(first);
        assertThat(server.get("/api/auth/me", rotated.text("access_token")).status()).isEqualTo(200);

        Res reuse = server.post("/api/auth/refresh", Map.of("refresh_token", first), null);
        assertThat(reuse.status()).isEqualTo(409);
        assertThat(reuse.error()).isEqualTo("Refresh token has already been rotated");
        // reuse revoked the chain: the latest token no longer refreshes either
        Res afterTheft = server.post("/api/auth/refresh", Map.of("refresh_token", second), null);
        assertThat(afterTheft.status()).isEqualTo(401);
        assertThat(afterTheft.error()).isEqualTo("Invalid or expired refresh token");
    }

    @Test
    void refreshFallsBackToCookieAndNeedsAToken() {
        Res login = server.register("cookie@example.com", "Cookie User");
        String refresh = login.cookie("refresh_token");
        Res viaCookie = server.send("POST", "/api/auth/refresh", null, null, Map.of("Cookie", "refresh_token=" + refresh));
        assertThat(viaCookie.status()).isEqualTo(200);
        assertThat(viaCookie.cookie("refresh_token")).isEqualTo(viaCookie.text("refresh_token"));
        Res none = server.post("/api/auth/refresh", Map.of(), null);
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.error()).isEqualTo("No refresh token provided");
        assertThat(server.post("/api/auth/refresh", Map.of("refresh_token", "garbage"), null).status()).isEqualTo(401);
    }

    @Test
    void aNewLoginRetiresTheOlderRefreshToken() {
        Res first = server.register("single@example.com", "Single Session");
        server.post("/api/auth/login", Map.of("email", "single@example.com", "password", "correct-horse-battery"), null);
        Res old = server.post("/api/auth/refresh",
                Map.of("refresh_token", first.get("tokens").get("refreshToken").asText()), null);
        assertThat(old.status()).isEqualTo(401);
    }

    @Test
    void logoutRevokesAccessAndRefreshAndClearsCookies() {
        Res login = server.register("logout@example.com", "Logout User");
        String access = login.get("tokens").get("accessToken").asText();
        String refresh = login.get("tokens").get("refreshToken").asText();
        Res out = server.post("/api/auth/logout", Map.of("refresh_token", refresh), access);
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.text("message")).isEqualTo("Successfully logged out");
        assertThat(out.cookies()).anySatisfy(c -> assertThat(c).startsWith("access_token=;").contains("Max-Age=0"));
        Res me = server.get("/api/auth/me", access);
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.error()).isEqualTo("Invalid token");
        assertThat(server.post("/api/auth/refresh", Map.of("refresh_token", refresh), null).status()).isEqualTo(409);
    }

    @Test
    void protectedRoutesNeedATokenAndMutationsNeedBearer() {
        Res missing = server.get("/api/auth/me", null);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.error()).isEqualTo("Missing authorization");
        assertThat(server.get("/api/auth/me", "not.a.jwt").error()).isEqualTo("Invalid token");
        String access = server.token("bearer@example.com", "Bearer User");
        Res viaCookie = server.send("GET", "/api/auth/me", null, null, Map.of("Cookie", "access_token=" + access));
        assertThat(viaCookie.status()).isEqualTo(200);
        Res rawHeader = server.send("GET", "/api/auth/me", null, null, Map.of("Authorization", access));
        assertThat(rawHeader.status()).isEqualTo(200);
        Res cookieMutation = server.send("PUT", "/api/auth/me", "{\"name\":\"New Name\"}", null,
                Map.of("Cookie", "access_token=" + access, "Content-Type", "application/json"));
        assertThat(cookieMutation.status()).isEqualTo(401);
        assertThat(cookieMutation.error()).isEqualTo("Authorization header required for state-changing requests");
    }

    @Test
    void meReadsAndUpdatesProfile() {
        String access = server.token("me@example.com", "Me User");
        Res me = server.get("/api/auth/me", access);
        assertThat(me.text("email")).isEqualTo("me@example.com");
        Res renamed = server.put("/api/auth/me", Map.of("name", "Renamed User"), access);
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().fieldNames()).toIterable()
                .containsExactly("id", "name", "email", "provider", "accesses", "avatarUrl");
        assertThat(renamed.text("name")).isEqualTo("Renamed User");
        assertThat(server.put("/api/auth/me", Map.of(), access).error()).isEqualTo("Name must be at least 2 characters");

        server.register("taken@example.com", "Taken User");
        Res taken = server.put("/api/auth/me", Map.of("name", "Renamed User", "email", "taken@example.com"), access);
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.error()).isEqualTo("email already in use");

        Res moved = server.put("/api/auth/me", Map.of("name", "Renamed User", "email", "moved@example.com"), access);
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.get("requiresVerification").asBoolean()).isTrue();
        String next = moved.get("tokens").get("accessToken").asText();
        assertThat(server.get("/api/auth/me", access).status()).isEqualTo(401);
        assertThat(server.get("/api/auth/me", next).text("email")).isEqualTo("moved@example.com");
    }

    @Test
    void passwordChangeChecksCurrentPassword() {
        String access = server.token("pw@example.com", "Password User");
        Res wrong = server.put("/api/auth/password",
                Map.of("currentPassword", "nope-nope-nope", "newPassword", "another-long-password"), access);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.error()).isEqualTo("current password is incorrect");
        Res ok = server.put("/api/auth/password",
                Map.of("currentPassword", "correct-horse-battery", "newPassword", "another-long-password"), access);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.text("message")).isEqualTo("Password updated successfully");
        assertThat(server.get("/api/auth/me", access).status()).isEqualTo(401);
        assertThat(server.post("/api/auth/login", Map.of("email", "pw@example.com", "password",
                "another-long-password"), null).status()).isEqualTo(200);
        String guest = server.post("/api/auth/guest-login", Map.of("name", "Guesty"), null)
                .get("tokens").get("accessToken").asText();
        assertThat(server.put("/api/auth/password", Map.of("currentPassword", "x", "newPassword",
                "another-long-password"), guest).error()).isEqualTo("password change is only available for local accounts");
    }

    @Test
    void preferencesRoundTrip() {
        String access = server.token("prefs@example.com", "Prefs User");
        assertThat(server.get("/api/auth/preferences", access).text("preferencesJson")).isEqualTo("{}");
        Res saved = server.put("/api/auth/preferences", Map.of("preferencesJson", "{\"theme\":\"dark\"}"), access);
        assertThat(saved.text("message")).isEqualTo("Preferences updated");
        assertThat(server.get("/api/auth/preferences", access).text("preferencesJson")).isEqualTo("{\"theme\":\"dark\"}");
        assertThat(server.put("/api/auth/preferences", Map.of("preferencesJson", "[1]"), access).status()).isEqualTo(400);
        assertThat(server.put("/api/auth/preferences",
                Map.of("preferencesJson", "{\"a\":\"" + "x".repeat(5000) + "\"}"), access).status()).isEqualTo(413);
    }

    @Test
    void publicSettingsListTheContractFields() {
        Res s = server.get("/api/auth/settings", null);
        assertThat(s.json().fieldNames()).toIterable().contains("serverName", "registrationEnabled",
                "tokenRegistrationOnly", "guestLoginEnabled", "passkeysEnabled", "oauthProviders",
                "requireEmailVerification", "chatMaxMessageCount", "chatMessageTTLHours", "chatUploadMaxBytes",
                "chatUploadMaxDimension", "recordingsEnabled", "rnnoiseEnabled", "krispEnabled", "webxdc");
        assertThat(s.get("webxdc").get("experimental").asBoolean()).isTrue();
    }

    @Test
    void forgotAndResetPassword() {
        server.register("reset@example.com", "Reset User");
        Res forgot = server.post("/api/auth/forgot-password", Map.of("email", "reset@example.com"), null);
        assertThat(forgot.text("message")).isEqualTo("If the account exists, a password reset email has been sent");
        assertThat(server.post("/api/auth/forgot-password", Map.of("email", "ghost@example.com"), null).text("message"))
                .isEqualTo(forgot.text("message"));
        String token = server.mail.lastToken("password_reset", "reset@example.com");
        assertThat(server.post("/api/auth/reset-password", Map.of("newPassword", "x"), null).error())
                .isEqualTo("Token is required");
        Res reset = server.post("/api/auth/reset-password", Map.of("token", token, "newPassword",
                "brand-new-password-1"), null);
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.text("message")).startsWith("Password has been reset successfully.");
        Res again = server.post("/api/auth/reset-password", Map.of("token", token, "newPassword",
                "brand-new-password-2"), null);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.error()).isEqualTo("Invalid or expired reset token");
        assertThat(server.post("/api/auth/login", Map.of("email", "reset@example.com", "password",
                "brand-new-password-1"), null).status()).isEqualTo(200);
        // a reset token is not an access token
        assertThat(server.get("/api/auth/me", token).status()).isEqualTo(401);
    }

    @Test
    void resetLinksExpire() {
        server.register("expire@example.com", "Expire User");
        server.post("/api/auth/forgot-password", Map.of("email", "expire@example.com"), null);
        String token = server.mail.lastToken("password_reset", "expire@example.com");
        server.clock.advance(Duration.ofHours(2));
        try {
            assertThat(server.post("/api/auth/reset-password", Map.of("token", token, "newPassword",
                    "brand-new-password-1"), null).error()).isEqualTo("Invalid or expired reset token");
        } finally {
            server.clock.advance(Duration.ofHours(-2));
        }
    }

    @Test
    void malformedBodiesAreRejected() {
        assertThat(server.send("POST", "/api/auth/login", "{not json", null, Map.of()).error()).isEqualTo("Invalid input");
        assertThat(server.send("POST", "/api/auth/login", "[1,2]", null, Map.of()).status()).isEqualTo(400);
        Res wrongType = server.send("POST", "/api/auth/register", "{\"email\":5,\"password\":\"x\",\"name\":\"y\"}",
                null, Map.of());
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.error()).isEqualTo("Invalid input");
        byte[] big = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        Res tooBig = server.send("POST", "/api/auth/login", big, null, Map.of());
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.error()).isEqualTo("Request Entity Too Large");
    }
}
