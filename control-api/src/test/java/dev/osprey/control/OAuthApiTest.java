package dev.osprey.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.osprey.control.ControlApiConfig.OAuth.Client;
import dev.osprey.control.support.TestServer;
import dev.osprey.control.support.TestServer.Res;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OAuth sign-in (bedrud-api.md §2.2) against a stub provider speaking the authorization code grant: the redirect and
 * its state cookie, the code exchange, Google's and GitHub's profile shapes, Bedrud's account rules, and the
 * front-end redirect.
 */
class OAuthApiTest {

    static HttpServer provider;
    static String stub;
    static TestServer server;
    static volatile String googleProfile = "{}";
    static final List<String> tokenRequests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/token", OAuthApiTest::token);
        provider.createContext("/userinfo", exchange -> reply(exchange, 200, googleProfile));
        provider.createContext("/gh/user", exchange -> reply(exchange, 200,
                "{\"login\":\"octo\",\"name\":null,\"avatar_url\":\"https://avatars.example/octo\",\"email\":null}"));
        provider.createContext("/gh/emails", exchange -> reply(exchange, 200,
                "[{\"email\":\"octo-old@example.com\",\"primary\":false,\"verified\":true},"
                        + "{\"email\":\"unverified@example.com\",\"primary\":false,\"verified\":false},"
                        + "{\"email\":\"Octo@Example.com\",\"primary\":true,\"verified\":true}]"));
        provider.start();
        stub = "http://127.0.0.1:" + provider.getAddress().getPort();
        server = new TestServer(c -> c.withOAuth(clients("")));
    }

    static ControlApiConfig.OAuth clients(String githubRedirect) {
        return new ControlApiConfig.OAuth(Map.of(
                "google", new Client("goog-id", "goog-secret", "", stub + "/authorize", stub + "/token",
                        stub + "/userinfo", ""),
                "github", new Client("gh-id", "gh-secret", githubRedirect, stub + "/gh/authorize", stub + "/token",
                        stub + "/gh/user", stub + "/gh/emails")));
    }

    @AfterAll
    static void stop() {
        server.close();
        provider.stop(0);
    }

    /** The token endpoint: only the code {@code good-code} from a client presenting its secret is redeemed. */
    static void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1
                    ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        tokenRequests.add(form.get("client_id") + " " + form.get("redirect_uri"));
        boolean ok = "good-code".equals(form.get("code")) && "authorization_code".equals(form.get("grant_type"))
                && form.get("client_secret") != null && form.get("client_secret").endsWith("-secret");
        reply(exchange, ok ? 200 : 400, ok ? "{\"access_token\":\"at-1\",\"token_type\":\"bearer\"}"
                : "{\"error\":\"invalid_grant\"}");
    }

    static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** Starts a sign-in: the authorize URL's query and the state cookie. */
    static Map<String, String> begin(TestServer s, String providerName) {
        Res r = s.get("/api/auth/" + providerName + "/login", null);
        assertThat(r.status()).isEqualTo(307);
        URI location = URI.create(r.raw().headers().firstValue("Location").orElseThrow());
        Map<String, String> q = new HashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            q.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        q.put("cookie", r.cookie("oauth_state"));
        q.put("setCookie", r.cookies().stream().filter(c -> c.startsWith("oauth_state=")).findFirst().orElseThrow());
        q.put("location", location.getScheme() + "://" + location.getAuthority() + location.getPath());
        return q;
    }

    static Res finish(TestServer s, String providerName, Map<String, String> begun, String code) {
        return s.send("GET", "/api/auth/" + providerName + "/callback?code=" + code + "&state=" + begun.get("state"),
                null, null, Map.of("Cookie", "oauth_state=" + begun.get("cookie")));
    }

    @Test
    void googleSignInCreatesThenFindsTheAccount() {
        assertThat(server.get("/api/auth/settings", null).get("oauthProviders").toString())
                .isEqualTo("[\"google\",\"github\"]");
        Map<String, String> begun = begin(server, "google");
        assertThat(begun.get("location")).isEqualTo(stub + "/authorize");
        assertThat(begun).containsEntry("response_type", "code").containsEntry("client_id", "goog-id")
                .containsEntry("scope", "openid email profile")
                .containsEntry("redirect_uri", server.base() + "/api/auth/google/callback");
        assertThat(begun.get("setCookie")).contains("Path=/api/auth").containsIgnoringCase("HttpOnly").contains("SameSite=Lax");

        googleProfile = "{\"sub\":\"1\",\"email\":\"Ada@Example.com\",\"email_verified\":true,\"name\":\"Ada L\","
                + "\"picture\":\"https://pics.example/ada.png\"}";
        Res first = finish(server, "google", begun, "good-code");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().fieldNames()).toIterable().containsExactly("user", "token");
        assertThat(first.get("user").toString()).contains("\"email\":\"ada@example.com\"", "\"name\":\"Ada L\"",
                "\"provider\":\"google\"", "\"avatarUrl\":\"https://pics.example/ada.png\"");
        assertThat(first.cookie("access_token")).isNotEmpty();
        assertThat(first.cookie("refresh_token")).isNotEmpty();
        assertThat(tokenRequests).contains("goog-id " + server.base() + "/api/auth/google/callback");
        Res me = server.get("/api/auth/me", first.text("token"));
        assertThat(me.text("provider")).isEqualTo("google");
        assertThat(me.get("accesses").toString()).isEqualTo("[\"user\"]");
        assertThat(me.get("emailVerifiedAt").isNull()).isFalse();

        Res again = finish(server, "google", begin(server, "google"), "good-code");
        assertThat(again.get("user").get("id")).isEqualTo(first.get("user").get("id"));
    }

    @Test
    void stateAndCodeAreChecked() {
        Map<String, String> begun = begin(server, "google");
        googleProfile = "{\"email\":\"state@example.com\",\"email_verified\":true,\"name\":\"State\"}";
        assertThat(server.get("/api/auth/google/callback?code=good-code&state=" + begun.get("state"), null).status())
                .as("no cookie").isEqualTo(401);
        Res wrongState = server.send("GET", "/api/auth/google/callback?code=good-code&state=forged", null, null,
                Map.of("Cookie", "oauth_state=" + begun.get("cookie")));
        assertThat(wrongState.status()).isEqualTo(401);
        assertThat(wrongState.error()).isEqualTo("Failed to complete authentication");
        String tampered = begun.get("cookie").replace("google.", "github.");
        assertThat(server.send("GET", "/api/auth/github/callback?code=good-code&state=" + begun.get("state"), null,
                null, Map.of("Cookie", "oauth_state=" + tampered)).status()).as("cookie of another provider")
                .isEqualTo(401);
        assertThat(finish(server, "google", begun, "bad-code").status()).isEqualTo(502);
        server.clock.advance(java.time.Duration.ofMinutes(11));
        try {
            assertThat(finish(server, "google", begun, "good-code").status()).as("expired state").isEqualTo(401);
        } finally {
            server.clock.advance(java.time.Duration.ofMinutes(-11));
        }
        assertThat(finish(server, "google", begun, "good-code").status()).isEqualTo(200);
    }

    @Test
    void accountRules() {
        server.register("clash@example.com", "Local Clash");
        googleProfile = "{\"email\":\"clash@example.com\",\"email_verified\":true,\"name\":\"Clash\"}";
        Res clash = finish(server, "google", begin(server, "google"), "good-code");
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.error()).isEqualTo("An account with this email already exists via a different sign-in method");

        googleProfile = "{\"email\":\"unverified@example.com\",\"email_verified\":false,\"name\":\"Unverified\"}";
        assertThat(finish(server, "google", begin(server, "google"), "good-code").status()).isEqualTo(502);

        String admin = server.superadminToken("oauth-admin@example.com");
        server.put("/api/admin/settings", Map.of("registrationEnabled", false), admin);
        try {
            googleProfile = "{\"email\":\"late@example.com\",\"email_verified\":true,\"name\":\"Late\"}";
            Res closed = finish(server, "google", begin(server, "google"), "good-code");
            assertThat(closed.status()).isEqualTo(403);
            assertThat(closed.error()).isEqualTo("Registration is currently disabled");
        } finally {
            server.put("/api/admin/settings", Map.of("registrationEnabled", true), admin);
        }

        googleProfile = "{\"email\":\"banned@example.com\",\"email_verified\":true,\"name\":\"Banned\"}";
        String id = finish(server, "google", begin(server, "google"), "good-code").get("user").get("id").asText();
        server.put("/api/admin/users/" + id + "/status", Map.of("active", false), admin);
        Res deactivated = finish(server, "google", begin(server, "google"), "good-code");
        assertThat(deactivated.status()).isEqualTo(403);
        assertThat(deactivated.error()).isEqualTo("Account is deactivated");

        // an admin override with a placeholder withdraws a provider; the secret is never shown
        assertThat(server.get("/api/admin/settings", admin).text("googleClientSecret")).isEqualTo("••••••••");
        server.put("/api/admin/settings", Map.of("githubClientId", "your-github-client-id"), admin);
        try {
            assertThat(server.get("/api/auth/settings", null).get("oauthProviders").toString())
                    .isEqualTo("[\"google\"]");
            assertThat(server.get("/api/auth/github/login", null).error()).isEqualTo("Unsupported OAuth provider");
        } finally {
            server.put("/api/admin/settings", Map.of("githubClientId", "gh-id"), admin);
        }
        assertThat(server.get("/api/auth/twitter/login", null).error()).isEqualTo("Unsupported OAuth provider");
    }

    @Test
    void gitHubWithAFrontEndRedirectsThere() {
        try (TestServer fronted = new TestServer(c -> c.withOAuth(clients("https://app.example/api/auth/github/callback"))
                .withAuth(new ControlApiConfig.Auth(TestServer.JWT_SECRET, "session-secret", 24,
                        "https://app.example/", false, 24, 1, 2)))) {
            Map<String, String> begun = begin(fronted, "github");
            assertThat(begun).containsEntry("scope", "read:user user:email")
                    .containsEntry("redirect_uri", "https://app.example/api/auth/github/callback");
            Res done = finish(fronted, "github", begun, "good-code");
            assertThat(done.status()).isEqualTo(302);
            assertThat(done.raw().headers().firstValue("Location")).hasValue("https://app.example/auth/callback");
            String access = done.cookie("access_token");
            Res me = fronted.get("/api/auth/me", access);
            assertThat(me.text("email")).isEqualTo("octo@example.com");
            assertThat(me.text("name")).isEqualTo("octo");
            assertThat(me.text("provider")).isEqualTo("github");
        }
    }
}
