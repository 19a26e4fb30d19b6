package dev.osprey.control.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.control.ControlApiConfig.OAuth.Client;
import dev.osprey.control.http.ApiRouter;
import dev.osprey.control.settings.EffectiveSettings;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The OAuth 2.0 sign-in providers (RFC 6749 section 4.1, the authorization code grant) Bedrud offers: Google (OpenID
 * Connect userinfo) and GitHub (profile plus the account's verified addresses). Credentials come from the
 * configuration, overridden by admin settings; a provider with a missing or placeholder credential is not offered.
 * Twitter is not offered: its OAuth 2.0 API does not disclose the e-mail address accounts are keyed by.
 */
public final class OAuthProviders {

    /** What a provider vouches for: a verified address, a display name and a picture URL. */
    public record Profile(String email, String name, String avatarUrl) {
    }

    /** The provider refused, or answered something unusable. */
    public static final class Failure extends Exception {
        public Failure(String message) {
            super(message, null, false, false);
        }
    }

    public static final List<String> SUPPORTED = List.of("google", "github");
    private static final List<String> PLACEHOLDERS = List.of("your-", "replace-", "example-", "xxx", "todo");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Map<String, String> SCOPES = Map.of("google", "openid email profile",
            "github", "read:user user:email");

    private final Map<String, Client> configured;
    private final EffectiveSettings settings;
    private final HttpClient http;

    public OAuthProviders(Map<String, Client> configured, EffectiveSettings settings, HttpClient http) {
        this.configured = Map.copyOf(configured);
        this.settings = settings;
        this.http = http;
    }

    /** Bedrud's rule: a credential is usable when set and not a placeholder (case-insensitive prefixes). */
    static boolean usable(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return PLACEHOLDERS.stream().noneMatch(v::startsWith);
    }

    /** The provider's effective client, when it is offered. */
    public Optional<Client> client(String provider) {
        if (!SUPPORTED.contains(provider)) {
            return Optional.empty();
        }
        Client base = configured.getOrDefault(provider, provider.equals("google") ? Client.google("", "", "")
                : Client.github("", "", ""));
        Client effective = base.withCredentials(settings.string(provider + "ClientId", base.clientId()),
                settings.string(provider + "ClientSecret", base.clientSecret()),
                settings.string(provider + "RedirectUrl", base.redirectUrl()));
        return usable(effective.clientId()) && usable(effective.clientSecret()) ? Optional.of(effective)
                : Optional.empty();
    }

    /** The providers offered now, in Bedrud's order. */
    public List<String> enabled() {
        List<String> out = new ArrayList<>();
        for (String p : SUPPORTED) {
            client(p).ifPresent(c -> out.add(p));
        }
        return out;
    }

    /** The authorization request URL (RFC 6749 section 4.1.1). */
    public static String authorizeUrl(String provider, Client c, String redirectUri, String state) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", c.clientId());
        q.put("redirect_uri", redirectUri);
        q.put("scope", SCOPES.get(provider));
        q.put("state", state);
        return c.authorizeUrl() + (c.authorizeUrl().contains("?") ? "&" : "?") + form(q);
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** Redeems the code (RFC 6749 section 4.1.3) and reads the account's profile. */
    public Profile exchange(String provider, Client c, String code, String redirectUri) throws Failure {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", redirectUri);
        body.put("client_id", c.clientId());
        body.put("client_secret", c.clientSecret());
        JsonNode token = send(HttpRequest.newBuilder(uri(c.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(body))));
        String accessToken = token.path("access_token").asText("");
        if (accessToken.isEmpty()) {
            throw new Failure("token endpoint returned no access_token: " + token.path("error").asText(""));
        }
        JsonNode user = send(HttpRequest.newBuilder(uri(c.userInfoUrl())).header("Authorization",
                "Bearer " + accessToken).GET());
        return provider.equals("google") ? google(user) : github(c, user, accessToken);
    }

    private static Profile google(JsonNode user) throws Failure {
        JsonNode verified = user.path("email_verified");
        boolean ok = verified.isBoolean() ? verified.booleanValue() : "true".equals(verified.asText());
        String email = user.path("email").asText("");
        if (email.isEmpty() || !ok) {
            throw new Failure("no verified email address from provider");
        }
        return new Profile(email, user.path("name").asText(""), user.path("picture").asText(""));
    }

    private Profile github(Client c, JsonNode user, String accessToken) throws Failure {
        String name = user.path("name").asText("");
        if (name.isEmpty()) {
            name = user.path("login").asText("");
        }
        String email = "";
        if (!c.emailsUrl().isEmpty()) {
            JsonNode emails = send(HttpRequest.newBuilder(uri(c.emailsUrl())).header("Authorization",
                    "Bearer " + accessToken).GET());
            for (JsonNode e : emails) {
                if (e.path("verified").asBoolean(false) && (email.isEmpty() || e.path("primary").asBoolean(false))) {
                    email = e.path("email").asText("");
                }
            }
        }
        if (email.isEmpty()) {
            throw new Failure("no verified email address from provider");
        }
        return new Profile(email, name, user.path("avatar_url").asText(""));
    }

    private static URI uri(String url) throws Failure {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new Failure("invalid provider endpoint " + url);
        }
    }

    private JsonNode send(HttpRequest.Builder request) throws Failure {
        try {
            HttpResponse<byte[]> r = http.send(request.timeout(TIMEOUT).header("Accept", "application/json")
                    .header("User-Agent", "Osprey").build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() / 100 != 2) {
                throw new Failure("provider answered HTTP " + r.statusCode());
            }
            JsonNode json = ApiRouter.JSON.readTree(r.body());
            if (json == null || json.isMissingNode()) {
                throw new Failure("provider answered an empty body");
            }
            return json;
        } catch (IOException e) {
            throw new Failure("provider unreachable or answered malformed JSON: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
    }
}
