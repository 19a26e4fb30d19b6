package dev.osprey.control.livekit;

import dev.osprey.signaling.api.LiveKitHs256;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;

/**
 * Verifies a LiveKit webhook (livekit-protocol.md §7): the {@code Authorization} header is an HS256 JWT (no
 * {@code Bearer} prefix, tolerated anyway) issued by the configured API key, whose {@code sha256} claim is the
 * standard base64 SHA-256 of the exact body bytes, compared in constant time.
 */
public final class WebhookVerifier {

    private final String apiKey;
    private final SecretKey key;
    private final Clock clock;

    public WebhookVerifier(String apiKey, String apiSecret, Clock clock) {
        this.apiKey = apiKey;
        this.key = LiveKitHs256.key(apiSecret);
        this.clock = clock;
    }

    public boolean verify(String authorization, byte[] body) {
        if (authorization == null || authorization.isBlank() || authorization.length() > 8192) {
            return false;
        }
        String token = authorization.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).strip();
        }
        try {
            Claims claims = Jwts.parser().sig().add(LiveKitHs256.INSTANCE).and().verifyWith(key).clock(() -> Date.from(clock.instant()))
                    .clockSkewSeconds(60).build().parseSignedClaims(token).getPayload();
            String hash = claims.get("sha256", String.class);
            if (!apiKey.equals(claims.getIssuer()) || hash == null) {
                return false;
            }
            byte[] expected = Base64.getEncoder().encode(sha256(body));
            return MessageDigest.isEqual(expected, hash.getBytes(StandardCharsets.US_ASCII));
        } catch (JwtException | IllegalArgumentException | ClassCastException e) {
            return false;
        }
    }

    static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }
}
