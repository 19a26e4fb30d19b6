package dev.osprey.signaling.webhook;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.osprey.signaling.api.LiveKitHs256;
import io.jsonwebtoken.Jwts;
import livekit.LivekitWebhook.WebhookEvent;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * The body and signature of a webhook request as livekit-server makes them (protocol {@code webhook/url_notifier.go}):
 * the event in protojson (lowerCamel names, defaults left out, int64 as strings), and in {@code Authorization} an
 * HS256 JWT (RFC 7519) from the API key ({@code iss}) valid for five minutes whose {@code sha256} claim is the
 * standard base64 of the SHA-256 of exactly those body bytes, so that receivers can tell a re-encoded body.
 */
final class WebhookSigner {

    static final Duration TOKEN_VALIDITY = Duration.ofMinutes(5);
    private static final JsonFormat.Printer JSON = JsonFormat.printer().omittingInsignificantWhitespace();

    private final String apiKey;
    private final SecretKey key;
    private final Clock clock;

    WebhookSigner(String apiKey, String apiSecret, Clock clock) {
        this.apiKey = apiKey;
        this.key = LiveKitHs256.key(apiSecret);
        this.clock = clock;
    }

    static byte[] body(WebhookEvent event) {
        try {
            return JSON.print(event).getBytes(StandardCharsets.UTF_8);
        } catch (InvalidProtocolBufferException e) {
            // only Any fields without a type registry fail, and WebhookEvent reaches none
            throw new IllegalStateException("cannot print webhook event", e);
        }
    }

    /** The {@code Authorization} header value for {@code body}: the bare JWT, no {@code Bearer} prefix. */
    String authorization(byte[] body) {
        Instant now = clock.instant();
        return Jwts.builder()
                .issuer(apiKey)
                .notBefore(Date.from(now))
                .expiration(Date.from(now.plus(TOKEN_VALIDITY)))
                .claim("sha256", sha256(body))
                .signWith(key, LiveKitHs256.INSTANCE)
                .compact();
    }

    static String sha256(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
