package dev.osprey.signaling.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.signaling.api.LiveKitHs256;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.security.SignatureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/**
 * Verifies LiveKit access tokens: compact JWS (RFC 7515) with HS256 only, keyed with the API secret as UTF-8, the
 * secret chosen by the {@code iss} claim, {@code exp} required and {@code exp}/{@code nbf} checked with 60 s of
 * clock skew (RFC 7519, sections 4.1.4-4.1.5). The messages of its exceptions follow LiveKit's 401 bodies.
 */
public final class AccessTokenVerifier {

    /** LiveKit's tolerance for clock skew between token minter and server. */
    public static final long LEEWAY_SECONDS = 60;
    /** Tokens travel in a query string or a header; anything longer is not a token a client would send. */
    static final int MAX_TOKEN_CHARS = 32 * 1024;
    static final String INVALID_TOKEN = "invalid authorization token";
    static final String INVALID_API_KEY = "invalid API key";
    private static final int RECOMMENDED_SECRET_BYTES = 32;
    private static final Logger LOG = LoggerFactory.getLogger(AccessTokenVerifier.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JwtParser> parsersByApiKey;

    /** @param apiKeys API key → secret */
    public AccessTokenVerifier(Map<String, String> apiKeys, Clock clock) {
        Map<String, JwtParser> parsers = new HashMap<>();
        apiKeys.forEach((apiKey, secret) -> {
            if (secret.getBytes(StandardCharsets.UTF_8).length < RECOMMENDED_SECRET_BYTES) {
                LOG.warn("API secret of key {} is shorter than {} bytes; use a long random secret outside development",
                        apiKey, RECOMMENDED_SECRET_BYTES);
            }
            parsers.put(apiKey, Jwts.parser()
                    // HS256 only, with LiveKit's keys of any length (jjwt's own HS256 wants 256-bit keys)
                    .sig().clear().add(LiveKitHs256.INSTANCE).and()
                    .verifyWith(LiveKitHs256.key(secret))
                    .requireIssuer(apiKey)
                    .clockSkewSeconds(LEEWAY_SECONDS)
                    .clock(() -> Date.from(clock.instant()))
                    .build());
        });
        this.parsersByApiKey = Map.copyOf(parsers);
    }

    /** Checks the token and returns its grants; never throws anything but {@link AccessTokenException}. */
    public VerifiedToken verify(String token) throws AccessTokenException {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            throw new AccessTokenException(INVALID_TOKEN);
        }
        String apiKey = unverifiedIssuer(token);
        JwtParser parser = parsersByApiKey.get(apiKey);
        if (parser == null) {
            throw new AccessTokenException(INVALID_API_KEY);
        }
        Claims claims;
        try {
            claims = parser.parseSignedClaims(token).getPayload();
        } catch (ExpiredJwtException e) {
            throw new AccessTokenException(INVALID_TOKEN + ": token is expired", e);
        } catch (PrematureJwtException e) {
            throw new AccessTokenException(INVALID_TOKEN + ": token is not valid yet", e);
        } catch (SignatureException e) {
            throw new AccessTokenException(INVALID_TOKEN + ": signature is invalid", e);
        } catch (JwtException | IllegalArgumentException e) {
            throw new AccessTokenException(INVALID_TOKEN + ": " + e.getMessage(), e);
        }
        Date expiration = expiration(claims);
        return new VerifiedToken(apiKey, TokenClaims.grants(claims), expiration.toInstant());
    }

    private static Date expiration(Claims claims) throws AccessTokenException {
        Date expiration;
        try {
            expiration = claims.getExpiration();
        } catch (RuntimeException e) {
            throw new AccessTokenException(INVALID_TOKEN + ": exp is not a NumericDate", e);
        }
        if (expiration == null) {
            // a token without exp would be a permanent credential; LiveKit refuses it (WithExpirationRequired)
            throw new AccessTokenException(INVALID_TOKEN + ": exp claim is required");
        }
        return expiration;
    }

    /**
     * Reads {@code iss} before verification, because it decides which secret verifies the signature; nothing else
     * of the unverified payload is used.
     */
    static String unverifiedIssuer(String token) throws AccessTokenException {
        int firstDot = token.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : token.indexOf('.', firstDot + 1);
        if (secondDot < 0 || token.indexOf('.', secondDot + 1) >= 0) {
            throw new AccessTokenException(INVALID_TOKEN);
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.substring(firstDot + 1, secondDot));
            JsonNode node = JSON.readTree(payload);
            JsonNode issuer = node == null ? null : node.get("iss");
            if (issuer == null || !issuer.isTextual() || issuer.textValue().isEmpty()) {
                throw new AccessTokenException(INVALID_API_KEY);
            }
            return issuer.textValue();
        } catch (IllegalArgumentException | IOException e) {
            throw new AccessTokenException(INVALID_TOKEN, e);
        }
    }
}
