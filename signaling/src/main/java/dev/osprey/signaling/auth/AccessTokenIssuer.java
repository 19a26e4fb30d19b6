package dev.osprey.signaling.auth;

import dev.osprey.signaling.api.LiveKitHs256;
import io.jsonwebtoken.Jwts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Re-signs a participant's grants into a fresh access token ({@code SignalResponse.refresh_token},
 * livekit-protocol.md §2.8): same API key, identity, name, metadata, attributes and {@code video} grant, a new
 * expiry. Without it a long session could not reconnect once its original token expired.
 */
public final class AccessTokenIssuer {

    private final Map<String, String> apiKeys;
    private final Clock clock;

    /** @param apiKeys API key → secret, the same map the verifier checks against */
    public AccessTokenIssuer(Map<String, String> apiKeys, Clock clock) {
        this.apiKeys = Map.copyOf(apiKeys);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws IllegalArgumentException when {@code apiKey} is not configured (any more)
     */
    public String issue(String apiKey, ClaimGrants grants, Duration ttl) {
        String secret = apiKeys.get(apiKey);
        if (secret == null) {
            throw new IllegalArgumentException("unknown API key " + apiKey);
        }
        Instant now = clock.instant();
        var builder = Jwts.builder()
                .issuer(apiKey)
                .subject(grants.identity())
                .id(grants.identity())
                .notBefore(Date.from(now.minusSeconds(1)))
                .expiration(Date.from(now.plus(ttl)))
                .claim("name", grants.name())
                .claim("metadata", grants.metadata())
                .claim("attributes", grants.attributes())
                .claim("kind", grants.kind().name().toLowerCase(Locale.ROOT));
        if (grants.video() != null) {
            builder.claim("video", videoClaim(grants.video()));
        }
        return builder.signWith(LiveKitHs256.key(secret), LiveKitHs256.INSTANCE).compact();
    }

    /** The {@code video} claim in LiveKit's camelCase JSON; unset optional grants stay unset. */
    private static Map<String, Object> videoClaim(VideoGrant v) {
        Map<String, Object> claim = new LinkedHashMap<>();
        putTrue(claim, "roomCreate", v.roomCreate());
        putTrue(claim, "roomList", v.roomList());
        putTrue(claim, "roomRecord", v.roomRecord());
        putTrue(claim, "roomAdmin", v.roomAdmin());
        putTrue(claim, "roomJoin", v.roomJoin());
        if (!v.room().isEmpty()) {
            claim.put("room", v.room());
        }
        putSet(claim, "canPublish", v.canPublish());
        putSet(claim, "canSubscribe", v.canSubscribe());
        putSet(claim, "canPublishData", v.canPublishData());
        if (!v.canPublishSources().isEmpty()) {
            claim.put("canPublishSources", v.canPublishSources());
        }
        putSet(claim, "canUpdateOwnMetadata", v.canUpdateOwnMetadata());
        putTrue(claim, "ingressAdmin", v.ingressAdmin());
        putTrue(claim, "hidden", v.hidden());
        putTrue(claim, "recorder", v.recorder());
        putTrue(claim, "agent", v.agent());
        putSet(claim, "canSubscribeMetrics", v.canSubscribeMetrics());
        putSet(claim, "canManageAgentSession", v.canManageAgentSession());
        if (!v.destinationRoom().isEmpty()) {
            claim.put("destinationRoom", v.destinationRoom());
        }
        return claim;
    }

    private static void putTrue(Map<String, Object> claim, String name, boolean value) {
        if (value) {
            claim.put(name, true);
        }
    }

    private static void putSet(Map<String, Object> claim, String name, Boolean value) {
        if (value != null) {
            claim.put(name, value);
        }
    }
}
