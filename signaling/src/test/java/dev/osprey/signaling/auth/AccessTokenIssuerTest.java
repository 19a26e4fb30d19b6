package dev.osprey.signaling.auth;

import livekit.LivekitModels;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTokenIssuerTest {
    private static final Map<String, String> KEYS = Map.of("key", "a-secret-that-is-long-enough-for-hs256");
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void aRefreshedTokenCarriesTheSameGrantsWithANewExpiry() throws AccessTokenException {
        VideoGrant video = new VideoGrant(false, false, false, true, true, "room", false, null, true,
                List.of("camera"), true, false, true, false, false, null, null, "");
        ClaimGrants grants = new ClaimGrants("alice", "Alice", LivekitModels.ParticipantInfo.Kind.AGENT, List.of(),
                video, "meta", Map.of("k", "v"), "", null, "");
        String token = new AccessTokenIssuer(KEYS, clock).issue("key", grants, Duration.ofMinutes(10));

        VerifiedToken verified = new AccessTokenVerifier(KEYS, clock).verify(token);
        assertThat(verified.apiKey()).isEqualTo("key");
        assertThat(verified.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        ClaimGrants back = verified.grants();
        assertThat(back.identity()).isEqualTo("alice");
        assertThat(back.name()).isEqualTo("Alice");
        assertThat(back.kind()).isEqualTo(LivekitModels.ParticipantInfo.Kind.AGENT);
        assertThat(back.metadata()).isEqualTo("meta");
        assertThat(back.attributes()).containsEntry("k", "v");
        assertThat(back.video()).isEqualTo(video);
    }

    @Test
    void aTokenForAKeyThatIsNoLongerConfiguredIsRefused() {
        ClaimGrants grants = new ClaimGrants("a", "", LivekitModels.ParticipantInfo.Kind.STANDARD, List.of(), null,
                "", Map.of(), "", null, "");
        assertThatThrownBy(() -> new AccessTokenIssuer(KEYS, clock).issue("gone", grants, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gone");
    }
}
