package dev.osprey.control.auth;

import dev.osprey.control.ControlApiConfig.OAuth.Client;
import dev.osprey.control.ControlContext;
import dev.osprey.control.db.User;
import dev.osprey.control.http.ApiException;
import dev.osprey.control.http.ApiRouter;
import dev.osprey.control.http.Call;
import dev.osprey.control.http.Guard;
import dev.osprey.control.http.Reply;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /api/auth/:provider/login} and {@code /callback} (bedrud-api.md §2.2): the authorization code flow with
 * the {@code state} parameter bound to the browser by a short-lived, HMAC-signed cookie (RFC 6749 section 10.12), then
 * Bedrud's account rules — the same address under another sign-in method is a conflict, new accounts obey the
 * registration switches and arrive verified with {@code ["user"]} — and a session: cookies, then a redirect to
 * {@code <frontendURL>/auth/callback} or, without a front end, the user and access token as JSON.
 */
public final class OAuthEndpoints {

    static final String STATE_COOKIE = "oauth_state";
    static final Duration STATE_TTL = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(OAuthEndpoints.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ControlContext ctx;
    private final OAuthProviders providers;

    public OAuthEndpoints(ControlContext ctx) {
        this.ctx = ctx;
        this.providers = new OAuthProviders(ctx.config().oauth().providers(), ctx.settings(),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                        .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    public OAuthProviders providers() {
        return providers;
    }

    public void register(ApiRouter api) {
        api.route(HttpMethod.GET, "/api/auth/:provider/login", Guard.NONE, ctx.limiters().auth(), this::login);
        api.route(HttpMethod.GET, "/api/auth/:provider/callback", Guard.NONE, ctx.limiters().auth(), this::callback);
    }

    private Client client(Call call) {
        return providers.client(call.path("provider"))
                .orElseThrow(() -> ApiException.badRequest("Unsupported OAuth provider"));
    }

    /** The configured callback, else this server's own callback route under the front end's (or request's) origin. */
    private String redirectUri(Call call, Client c) {
        if (!c.redirectUrl().isBlank()) {
            return c.redirectUrl();
        }
        String origin = ctx.config().auth().frontendUrl();
        if (origin.isBlank()) {
            String proto = ctx.config().server().enableTls() ? "https" : "http";
            String forwarded = ctx.config().server().behindProxy() ? call.header("X-Forwarded-Proto") : null;
            origin = (forwarded == null || forwarded.isBlank() ? proto : forwarded.strip()) + "://"
                    + call.header("Host");
        }
        return (origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin) + "/api/auth/"
                + call.path("provider") + "/callback";
    }

    Reply login(Call call) {
        Client c = client(call);
        byte[] nonce = new byte[24];
        RANDOM.nextBytes(nonce);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        long expires = ctx.clock().instant().plus(STATE_TTL).getEpochSecond();
        String provider = call.path("provider");
        String value = provider + "." + state + "." + expires + "." + sign(provider + "." + state + "." + expires);
        return Reply.redirect(307, OAuthProviders.authorizeUrl(provider, c, redirectUri(call, c), state))
                .cookie(stateCookie(value, STATE_TTL.toSeconds()));
    }

    private Cookie stateCookie(String value, long maxAgeSeconds) {
        boolean secure = ctx.config().server().enableTls() || ctx.config().server().behindProxy();
        // Lax: the provider's top-level redirect back to the callback must carry it
        return Cookie.cookie(STATE_COOKIE, value).setPath("/api/auth").setHttpOnly(true).setSecure(secure)
                .setSameSite(CookieSameSite.LAX).setMaxAge(maxAgeSeconds);
    }

    private String sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(ctx.config().auth().sessionSecret().getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is mandatory in every JDK", e);
        }
    }

    /** The cookie was issued by this server for this provider, is unexpired, and holds the returned state. */
    private boolean stateMatches(Call call, String provider) {
        String cookie = call.cookie(STATE_COOKIE);
        String state = call.query("state");
        String[] parts = cookie == null ? new String[0] : cookie.split("\\.", -1);
        if (parts.length != 4 || state.isEmpty() || !parts[0].equals(provider)) {
            return false;
        }
        String expected = sign(parts[0] + "." + parts[1] + "." + parts[2]);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII))
                || !MessageDigest.isEqual(parts[1].getBytes(StandardCharsets.US_ASCII),
                state.getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        try {
            return Long.parseLong(parts[2]) >= ctx.clock().instant().getEpochSecond();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    Reply callback(Call call) {
        Client c = client(call);
        String provider = call.path("provider");
        if (!stateMatches(call, provider) || call.query("code").isEmpty()) {
            LOG.info("oauth callback refused: provider={} error={}", provider, call.query("error"));
            throw ApiException.unauthorized("Failed to complete authentication");
        }
        OAuthProviders.Profile profile;
        try {
            profile = providers.exchange(provider, c, call.query("code"), redirectUri(call, c));
        } catch (OAuthProviders.Failure e) {
            LOG.warn("oauth sign-in failed: provider={} reason={}", provider, e.getMessage());
            throw new ApiException(502, "Failed to complete authentication");
        }
        User user = account(provider, profile);
        ctx.authState().unban(user.id());
        Sessions.Pair pair = ctx.sessions().open(user);
        List<Cookie> cookies = new java.util.ArrayList<>(ctx.sessions().cookies(pair));
        cookies.add(stateCookie("", 0));
        String frontend = ctx.config().auth().frontendUrl();
        if (!frontend.isBlank()) {
            String base = frontend.endsWith("/") ? frontend.substring(0, frontend.length() - 1) : frontend;
            return Reply.redirect(302, base + "/auth/callback").cookies(cookies);
        }
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("id", user.id());
        u.put("email", user.email());
        u.put("name", user.name());
        u.put("provider", user.provider());
        u.put("avatarUrl", user.avatarUrl());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", u);
        body.put("token", pair.access().token());
        return Reply.ok(body).cookies(cookies);
    }

    /** The provider's account here: found by address and provider, or created under Bedrud's rules. */
    private User account(String provider, OAuthProviders.Profile profile) {
        String email = Inputs.canonicalOrNull(profile.email());
        if (email == null) {
            throw new ApiException(502, "Failed to complete authentication");
        }
        var existing = ctx.store().users().findByEmailAndProvider(email, provider);
        long now = ctx.now();
        if (existing.isPresent()) {
            User u = existing.get();
            if (!u.active()) {
                throw ApiException.forbidden("Account is deactivated");
            }
            if (!u.isVerified()) {
                ctx.store().users().markVerified(u.id(), now);
            }
            return ctx.store().users().findById(u.id()).orElseThrow();
        }
        if (!ctx.store().users().findByEmail(email).isEmpty()) {
            throw ApiException.conflict("An account with this email already exists via a different sign-in method");
        }
        if (!ctx.settings().registrationEnabled()) {
            throw ApiException.forbidden("Registration is currently disabled");
        }
        if (ctx.settings().tokenRegistrationOnly()) {
            throw ApiException.forbidden("Registration requires an invite token");
        }
        String avatar = profile.avatarUrl().startsWith("https://") && profile.avatarUrl().length() <= 1024
                ? profile.avatarUrl() : "";
        User user = new User(UUID.randomUUID().toString(), email, displayName(profile.name(), email), provider,
                avatar, null, null, List.of("user"), true, now, null, null, now, now);
        ctx.store().users().insert(user);
        return user;
    }

    /** The provider's name when it is a valid account name, else the address's local part (as Bedrud falls back). */
    static String displayName(String name, String email) {
        try {
            return Inputs.accountName(name == null ? "" : name);
        } catch (ApiException e) {
            String local = email.substring(0, Math.max(0, email.indexOf('@')));
            try {
                return Inputs.accountName(local);
            } catch (ApiException e2) {
                return "User";
            }
        }
    }
}
