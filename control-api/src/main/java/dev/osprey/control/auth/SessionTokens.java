package dev.osprey.control.auth;

import dev.osprey.control.db.User;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Mints and verifies Bedrud's session JWTs (bedrud-api.md §3.1): HS256 with {@code auth.jwtSecret},
 * {@code iss="bedrud"}, {@code aud=["bedrud"]}, {@code sub} = user id, claims {@code userId, email, name, provider,
 * accesses}; access tokens live {@code auth.tokenDuration} hours, refresh tokens 7 days and carry a {@code jti}.
 */
public final class SessionTokens {

    public static final String ISSUER = "bedrud";
    public static final Duration REFRESH_TTL = Duration.ofDays(7);

    private final SecretKey key;
    private final Duration accessTtl;
    private final Clock clock;

    /** A signed token and the instant it stops being valid. */
    public record Issued(String token, Instant expiresAt) {
    }

    public SessionTokens(String jwtSecret, Duration accessTtl, Clock clock) {
        byte[] secret = jwtSecret.getBytes(StandardCharsets.UTF_8);
        if (secret.length < 32) {
            throw new IllegalArgumentException("auth.jwtSecret must be at least 32 bytes for HS256");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.accessTtl = accessTtl;
        this.clock = clock;
    }

    public Duration accessTtl() {
        return accessTtl;
    }

    public Issued access(User user) {
        return sign(user, accessTtl, null, null, null);
    }

    public Issued refresh(User user) {
        return sign(user, REFRESH_TTL, null, UUID.randomUUID().toString(), null);
    }

    /** A purpose-scoped token (e-mail verification, password reset) that is never accepted as an access token. */
    public Issued purpose(User user, String purpose, Duration ttl) {
        return sign(user, ttl, purpose, UUID.randomUUID().toString(), user.passwordChangedAt());
    }

    private Issued sign(User user, Duration ttl, String purpose, String jti, Long passwordChangedAt) {
        Instant now = clock.instant();
        Instant exp = now.plus(ttl);
        var builder = Jwts.builder()
                .issuer(ISSUER).subject(user.id()).audience().add(ISSUER).and()
                .issuedAt(Date.from(now)).expiration(Date.from(exp))
                .claim("userId", user.id()).claim("email", user.email()).claim("name", user.name())
                .claim("provider", user.provider()).claim("accesses", user.accesses());
        if (purpose != null) {
            builder.claim("purpose", purpose);
            builder.claim("passwordChangedAt", passwordChangedAt == null ? 0L : passwordChangedAt / 1000);
        }
        if (jti != null) {
            builder.id(jti);
        }
        return new Issued(builder.signWith(key, Jwts.SIG.HS256).compact(), exp);
    }

    /** Verified claims, or empty for a token that is malformed, forged, expired or not Bedrud's. */
    public Optional<SessionClaims> verify(String token) {
        if (token == null || token.isEmpty() || token.length() > 8192) {
            return Optional.empty();
        }
        try {
            Claims c = Jwts.parser().verifyWith(key).requireIssuer(ISSUER).requireAudience(ISSUER)
                    .clock(() -> Date.from(clock.instant())).build().parseSignedClaims(token).getPayload();
            String userId = c.get("userId", String.class);
            if (userId == null || userId.isEmpty() || c.getExpiration() == null) {
                return Optional.empty();
            }
            Number changed = c.get("passwordChangedAt", Number.class);
            return Optional.of(new SessionClaims(userId, str(c, "email"), str(c, "name"), str(c, "provider"),
                    accesses(c.get("accesses")), c.get("purpose", String.class),
                    changed == null ? null : changed.longValue() * 1000, c.getId(), c.getExpiration().toInstant()));
        } catch (JwtException | IllegalArgumentException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static String str(Claims c, String name) {
        String v = c.get(name, String.class);
        return v == null ? "" : v;
    }

    private static List<String> accesses(Object raw) {
        List<String> out = new ArrayList<>();
        if (raw instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof String s) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
