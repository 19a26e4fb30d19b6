package dev.osprey.control.room;

import dev.osprey.signaling.api.LiveKitHs256;
import io.jsonwebtoken.Jwts;

import javax.crypto.SecretKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * LiveKit access tokens as Bedrud mints them for join, guest-join and refresh-token (bedrud-api.md §3.2, claim names
 * of livekit-protocol.md §5): HS256 with {@code livekit.apiSecret}, {@code iss} = API key, {@code sub} = identity,
 * {@code name}, optional {@code metadata}, and the video grant {@code roomJoin, room, canUpdateOwnMetadata} — publish,
 * subscribe and data permissions are left to LiveKit's defaults (allowed). Lifetime two hours.
 */
public final class JoinTokens {

    public static final Duration TTL = Duration.ofHours(2);

    private final String apiKey;
    private final SecretKey key;
    private final Clock clock;

    public JoinTokens(String apiKey, String apiSecret, Clock clock) {
        this.apiKey = apiKey;
        this.key = LiveKitHs256.key(apiSecret);
        this.clock = clock;
    }

    /** A join token for {@code identity} in {@code room}; {@code metadata} may be null (guests carry none). */
    public String mint(String room, String identity, String name, String metadata) {
        Instant now = clock.instant();
        Map<String, Object> video = new LinkedHashMap<>();
        video.put("roomJoin", true);
        video.put("room", room);
        video.put("canUpdateOwnMetadata", true);
        var builder = Jwts.builder().issuer(apiKey).subject(identity)
                .notBefore(Date.from(now)).issuedAt(Date.from(now)).expiration(Date.from(now.plus(TTL)))
                .claim("name", name).claim("video", video);
        if (metadata != null) {
            builder.claim("metadata", metadata);
        }
        return builder.signWith(key, LiveKitHs256.INSTANCE).compact();
    }
}
