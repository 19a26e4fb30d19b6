package dev.osprey.control.auth;

import dev.osprey.control.ControlApiConfig;
import dev.osprey.control.db.BlockedTokenRepository;
import dev.osprey.control.db.User;
import dev.osprey.control.db.UserRepository;
import dev.osprey.control.http.ApiException;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sign-in sessions (bedrud-api.md §3.1): a fresh access/refresh pair per login with the refresh token's hash stored on
 * the user (one per user: a new login elsewhere retires older refresh tokens), atomic rotation on refresh with the old
 * token blocked, and reuse of a rotated token treated as theft (the stored token is revoked too), plus the session
 * cookies with their Secure/SameSite policy.
 */
public final class Sessions {

    public static final String ACCESS_COOKIE = "access_token";
    public static final String REFRESH_COOKIE = "refresh_token";

    private final SessionTokens tokens;
    private final UserRepository users;
    private final BlockedTokenRepository blocked;
    private final ControlApiConfig config;
    private final Clock clock;

    /** A minted pair. */
    public record Pair(SessionTokens.Issued access, SessionTokens.Issued refresh) {
        public Map<String, Object> camel() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("accessToken", access.token());
            m.put("refreshToken", refresh.token());
            return m;
        }

        public Map<String, Object> snake() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("access_token", access.token());
            m.put("refresh_token", refresh.token());
            return m;
        }
    }

    public Sessions(SessionTokens tokens, UserRepository users, BlockedTokenRepository blocked,
                    ControlApiConfig config, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.blocked = blocked;
        this.config = config;
        this.clock = clock;
    }

    public SessionTokens tokens() {
        return tokens;
    }

    /** Mints a pair and makes its refresh token the user's only valid one. */
    public Pair open(User user) {
        Pair pair = new Pair(tokens.access(user), tokens.refresh(user));
        users.setRefreshTokenHash(user.id(), TokenHash.of(pair.refresh().token()));
        return pair;
    }

    /** The login response body: {@code {user, tokens:{accessToken, refreshToken}}}. */
    public static Map<String, Object> loginBody(User user, Pair pair) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", UserJson.full(user));
        m.put("tokens", pair.camel());
        return m;
    }

    /**
     * Rotates a presented refresh token. Reuse of an already rotated (blocked) token answers 409 and revokes the
     * user's current refresh token, ending the stolen chain.
     */
    public Pair rotate(String refreshToken, boolean requireVerified) {
        String hash = TokenHash.of(refreshToken);
        var claims = tokens.verify(refreshToken).filter(c -> c.purpose() == null && c.jti() != null)
                .orElseThrow(() -> ApiException.unauthorized("Invalid or expired refresh token"));
        if (blocked.isRefreshBlocked(hash)) {
            users.setRefreshTokenHash(claims.userId(), null);
            throw ApiException.conflict("Refresh token has already been rotated");
        }
        User user = users.findById(claims.userId()).orElseThrow(() -> ApiException.unauthorized("User not found"));
        if (!user.active()) {
            throw ApiException.forbidden("Account is deactivated");
        }
        if (requireVerified && !user.isGuest() && !user.isVerified()) {
            throw verifyFirst(user);
        }
        if (!TokenHash.matches(hash, user.refreshTokenHash())) {
            throw ApiException.unauthorized("Invalid or expired refresh token");
        }
        Pair pair = new Pair(tokens.access(user), tokens.refresh(user));
        if (!users.rotateRefreshTokenHash(user.id(), hash, TokenHash.of(pair.refresh().token()))) {
            throw ApiException.conflict("Refresh token has already been rotated");
        }
        blocked.blockRefresh(hash, user.id(), claims.expiresAt().toEpochMilli());
        return pair;
    }

    /** Blocks a refresh token (logout) and forgets it if it is the user's current one. */
    public void retire(String refreshToken, String userId) {
        String hash = TokenHash.of(refreshToken);
        tokens.verify(refreshToken).filter(c -> c.userId().equals(userId)).ifPresent(c -> {
            blocked.blockRefresh(hash, userId, c.expiresAt().toEpochMilli());
            users.rotateRefreshTokenHash(userId, hash, null);
        });
    }

    public static ApiException verifyFirst(User user) {
        return new ApiException(403, "Please verify your email before signing in",
                Map.of("requiresVerification", true, "email", user.email()));
    }

    public List<Cookie> cookies(Pair pair) {
        return List.of(
                cookie(ACCESS_COOKIE, pair.access().token(), config.auth().tokenDurationHours() * 3600L),
                cookie(REFRESH_COOKIE, pair.refresh().token(), SessionTokens.REFRESH_TTL.toSeconds()));
    }

    public List<Cookie> clearedCookies() {
        return List.of(cookie(ACCESS_COOKIE, "", 0), cookie(REFRESH_COOKIE, "", 0));
    }

    private Cookie cookie(String name, String value, long maxAgeSeconds) {
        boolean secure = config.server().enableTls() || config.server().behindProxy();
        Cookie c = Cookie.cookie(name, value).setPath("/").setHttpOnly(true).setMaxAge(maxAgeSeconds)
                .setSecure(secure).setSameSite(secure ? CookieSameSite.NONE : CookieSameSite.LAX);
        if (!config.server().domain().isEmpty()) {
            c.setDomain(config.server().domain());
        }
        return c;
    }

    public long nowMillis() {
        return clock.millis();
    }
}
