package dev.osprey.signaling.auth;

import io.livekit.server.AccessToken;
import io.livekit.server.CanPublish;
import io.livekit.server.CanPublishData;
import io.livekit.server.CanPublishSources;
import io.livekit.server.CanSubscribe;
import io.livekit.server.CanUpdateOwnMetadata;
import io.livekit.server.Hidden;
import io.livekit.server.RoomAdmin;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.ParticipantPermission;
import livekit.LivekitModels.TrackSource;
import livekit.LivekitRoom.RoomConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static dev.osprey.signaling.auth.HandBuiltTokens.b64;
import static dev.osprey.signaling.auth.HandBuiltTokens.hs256;
import static dev.osprey.signaling.auth.HandBuiltTokens.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-09-01T12:00:00Z");
    private static final long NOW_S = NOW.getEpochSecond();
    private final AccessTokenVerifier verifier = new AccessTokenVerifier(
            Map.of("devkey", "secret", "APIother", "a-much-longer-secret-of-32-bytes!!"),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static AccessToken sdkToken(String identity) {
        AccessToken token = new AccessToken("devkey", "secret");
        token.setIdentity(identity);
        token.setExpiration(Date.from(NOW.plusSeconds(3600)));
        return token;
    }

    @Test
    void officialSdkTokenYieldsItsGrants() throws AccessTokenException {
        AccessToken token = sdkToken("alice");
        token.setName("Alice");
        token.setMetadata("{\"role\":\"host\"}");
        token.getAttributes().put("team", "blue");
        token.addGrants(new RoomJoin(true), new RoomName("my-room"), new CanUpdateOwnMetadata(true),
                new CanPublishSources(List.of("camera", "microphone")), new Hidden(true), new RoomAdmin(true));

        VerifiedToken verified = verifier.verify(token.toJwt());

        assertThat(verified.apiKey()).isEqualTo("devkey");
        assertThat(verified.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
        ClaimGrants grants = verified.grants();
        assertThat(grants.identity()).isEqualTo("alice");
        assertThat(grants.name()).isEqualTo("Alice");
        assertThat(grants.metadata()).isEqualTo("{\"role\":\"host\"}");
        assertThat(grants.attributes()).containsExactly(Map.entry("team", "blue"));
        assertThat(grants.kind()).isEqualTo(ParticipantInfo.Kind.STANDARD);
        VideoGrant video = grants.video();
        assertThat(video.roomJoin()).isTrue();
        assertThat(video.room()).isEqualTo("my-room");
        assertThat(video.roomAdmin()).isTrue();
        assertThat(video.canPublishSource(TrackSource.CAMERA)).isTrue();
        assertThat(video.canPublishSource(TrackSource.SCREEN_SHARE)).isFalse();
        assertThat(video.toPermission()).isEqualTo(ParticipantPermission.newBuilder()
                .setCanPublish(true).setCanSubscribe(true).setCanPublishData(true).setCanUpdateMetadata(true)
                .setHidden(true).addCanPublishSources(TrackSource.CAMERA).addCanPublishSources(TrackSource.MICROPHONE)
                .build());
    }

    @Test
    void unsetPermissionsTakeLiveKitDefaults() throws AccessTokenException {
        AccessToken token = sdkToken("bob");
        token.addGrants(new RoomJoin(true), new RoomName("r"));
        ParticipantPermission permission = verifier.verify(token.toJwt()).grants().video().toPermission();
        assertThat(permission.getCanPublish()).isTrue();
        assertThat(permission.getCanSubscribe()).isTrue();
        assertThat(permission.getCanPublishData()).isTrue();
        assertThat(permission.getCanUpdateMetadata()).isFalse();
        assertThat(permission.getHidden()).isFalse();
        assertThat(permission.getCanPublishSourcesList()).isEmpty();
    }

    @Test
    void publishDataDefaultsToThePublishPermission() throws AccessTokenException {
        AccessToken token = sdkToken("viewer");
        token.addGrants(new RoomJoin(true), new RoomName("r"), new CanPublish(false), new CanSubscribe(true));
        VideoGrant video = verifier.verify(token.toJwt()).grants().video();
        assertThat(video.effectiveCanPublish()).isFalse();
        assertThat(video.effectiveCanPublishData()).isFalse();
        assertThat(video.canPublishSource(TrackSource.CAMERA)).isFalse();

        AccessToken dataOnly = sdkToken("bot");
        dataOnly.addGrants(new RoomJoin(true), new RoomName("r"), new CanPublish(false), new CanPublishData(true));
        assertThat(verifier.verify(dataOnly.toJwt()).grants().video().effectiveCanPublishData()).isTrue();
    }

    @Test
    void tokenWithoutVideoGrantVerifiesButCarriesNoVideo() throws AccessTokenException {
        String token = hs256("{\"iss\":\"devkey\",\"sub\":\"carol\",\"exp\":" + (NOW_S + 60) + "}", "secret");
        assertThat(verifier.verify(token).grants().hasVideo()).isFalse();
        // the official SDK always writes a video claim; without grants it does not allow joining
        assertThat(verifier.verify(sdkToken("carol").toJwt()).grants().video().roomJoin()).isFalse();
    }

    @Test
    void identityFallsBackToJti() throws AccessTokenException {
        String token = hs256("{\"iss\":\"devkey\",\"jti\":\"legacy\",\"exp\":" + (NOW_S + 60) + "}", "secret");
        assertThat(verifier.verify(token).grants().identity()).isEqualTo("legacy");
    }

    @Test
    void kindAndRoomConfigAreRead() throws AccessTokenException {
        String token = hs256("{\"iss\":\"devkey\",\"sub\":\"agent-1\",\"exp\":" + (NOW_S + 60)
                + ",\"kind\":\"agent\",\"kindDetails\":[\"forwarded\",\"nonsense\"],"
                + "\"roomConfig\":{\"emptyTimeout\":30,\"max_participants\":4,\"futureField\":true}}", "secret");
        ClaimGrants grants = verifier.verify(token).grants();
        assertThat(grants.kind()).isEqualTo(ParticipantInfo.Kind.AGENT);
        assertThat(grants.kindDetails()).containsExactly(ParticipantInfo.KindDetail.FORWARDED);
        assertThat(grants.roomConfig()).isEqualTo(RoomConfiguration.newBuilder()
                .setEmptyTimeout(30).setMaxParticipants(4).build());
    }

    @Test
    void unknownKindIsStandard() {
        assertThat(TokenClaims.kind("spaceship")).isEqualTo(ParticipantInfo.Kind.STANDARD);
        assertThat(TokenClaims.kind("EGRESS")).isEqualTo(ParticipantInfo.Kind.EGRESS);
    }

    @Test
    void expiryWithinTheLeewayIsAccepted() throws AccessTokenException {
        String token = hs256("{\"iss\":\"devkey\",\"sub\":\"a\",\"exp\":" + (NOW_S - 59) + "}", "secret");
        assertThat(verifier.verify(token).grants().identity()).isEqualTo("a");
    }

    @Test
    void expiredTokenIsRejected() {
        String token = hs256("{\"iss\":\"devkey\",\"sub\":\"a\",\"exp\":" + (NOW_S - 61) + "}", "secret");
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(AccessTokenException.class)
                .hasMessage("invalid authorization token: token is expired");
    }

    @Test
    void officialSdkTokenPastItsExpiryIsRejected() {
        AccessToken token = new AccessToken("devkey", "secret");
        token.setIdentity("late");
        token.setExpiration(Date.from(NOW.minusSeconds(3600)));
        assertThatThrownBy(() -> verifier.verify(token.toJwt())).hasMessageContaining("expired");
    }

    @Test
    void notYetValidTokenIsRejected() {
        String token = hs256("{\"iss\":\"devkey\",\"sub\":\"a\",\"nbf\":" + (NOW_S + 120) + ",\"exp\":" + (NOW_S + 600)
                + "}", "secret");
        assertThatThrownBy(() -> verifier.verify(token)).hasMessage("invalid authorization token: token is not valid yet");
    }

    @Test
    void tokenWithoutExpiryIsRejected() {
        String token = hs256("{\"iss\":\"devkey\",\"sub\":\"forever\"}", "secret");
        assertThatThrownBy(() -> verifier.verify(token)).hasMessage("invalid authorization token: exp claim is required");
    }

    @Test
    void wrongSecretIsRejected() {
        String token = hs256("{\"iss\":\"devkey\",\"sub\":\"a\",\"exp\":" + (NOW_S + 60) + "}", "not-the-secret");
        assertThatThrownBy(() -> verifier.verify(token)).hasMessage("invalid authorization token: signature is invalid");
    }

    @Test
    void tokenOfAnotherKeyIsVerifiedWithThatKeysSecret() throws AccessTokenException {
        String payload = "{\"iss\":\"APIother\",\"sub\":\"a\",\"exp\":" + (NOW_S + 60) + "}";
        assertThat(verifier.verify(hs256(payload, "a-much-longer-secret-of-32-bytes!!")).apiKey()).isEqualTo("APIother");
        assertThatThrownBy(() -> verifier.verify(hs256(payload, "secret"))).hasMessageContaining("signature");
    }

    @Test
    void unknownApiKeyIsRejected() {
        String token = hs256("{\"iss\":\"nobody\",\"sub\":\"a\",\"exp\":" + (NOW_S + 60) + "}", "secret");
        assertThatThrownBy(() -> verifier.verify(token)).hasMessage("invalid API key");
    }

    @Test
    void missingIssuerIsAnUnknownKey() {
        String token = hs256("{\"sub\":\"a\",\"exp\":" + (NOW_S + 60) + "}", "secret");
        assertThatThrownBy(() -> verifier.verify(token)).hasMessage("invalid API key");
    }

    @Test
    void algNoneIsRejected() {
        String token = b64("{\"alg\":\"none\"}") + "." + b64("{\"iss\":\"devkey\",\"sub\":\"a\",\"exp\":"
                + (NOW_S + 60) + "}") + ".";
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(AccessTokenException.class)
                .hasMessageStartingWith("invalid authorization token");
    }

    @Test
    void hs512IsRejectedEvenWithTheRightSecret() {
        String token = signed("{\"alg\":\"HS512\",\"typ\":\"JWT\"}",
                "{\"iss\":\"devkey\",\"sub\":\"a\",\"exp\":" + (NOW_S + 60) + "}", "HmacSHA512", "secret");
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(AccessTokenException.class)
                .hasMessageStartingWith("invalid authorization token");
    }

    @Test
    void hs256SignatureUnderAnHs384HeaderIsRejected() {
        String token = signed("{\"alg\":\"HS384\"}", "{\"iss\":\"devkey\",\"sub\":\"a\",\"exp\":" + (NOW_S + 60) + "}",
                "HmacSHA256", "secret");
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(AccessTokenException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "a.b", "a.b.c.d", "!!!.@@@.###", "e30.e30.e30", "e30.W10.e30",
            "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.sig", "eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOjF9.sig",
            "eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJkZXZrZXkifQ.", "....", "a..b"})
    void malformedTokensAreRejected(String token) {
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(AccessTokenException.class);
    }

    @Test
    void overlongTokenIsRejectedBeforeParsing() {
        String token = "a".repeat(AccessTokenVerifier.MAX_TOKEN_CHARS + 1);
        assertThatThrownBy(() -> verifier.verify(token)).hasMessage("invalid authorization token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"video\":\"yes\"", "\"video\":{\"canPublish\":\"true\"}", "\"video\":{\"room\":7}",
            "\"video\":{\"canPublishSources\":\"camera\"}", "\"video\":{\"canPublishSources\":[1]}",
            "\"attributes\":{\"a\":1}", "\"attributes\":[]", "\"name\":true", "\"sub\":42",
            "\"roomConfig\":{\"emptyTimeout\":\"soon\"}", "\"roomConfig\":3", "\"exp\":\"tomorrow\""})
    void claimsOfTheWrongTypeMakeTheTokenInvalid(String claim) {
        String token = hs256("{\"iss\":\"devkey\",\"exp\":" + (NOW_S + 60) + "," + claim + "}", "secret");
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(AccessTokenException.class)
                .hasMessageStartingWith("invalid authorization token");
    }

    @Test
    void nullClaimsReadAsAbsent() throws AccessTokenException {
        String token = hs256("{\"iss\":\"devkey\",\"sub\":\"a\",\"exp\":" + (NOW_S + 60)
                + ",\"name\":null,\"video\":{\"canPublish\":null,\"roomJoin\":true}}", "secret");
        ClaimGrants grants = verifier.verify(token).grants();
        assertThat(grants.name()).isEmpty();
        assertThat(grants.video().canPublish()).isNull();
        assertThat(grants.video().effectiveCanPublish()).isTrue();
    }

    @Test
    void unknownPublishSourceMapsToUnknown() {
        VideoGrant grant = new VideoGrant(false, false, false, false, true, "r", null, null, null,
                List.of("hologram"), null, false, false, false, false, null, null, null);
        assertThat(grant.publishSources()).containsExactly(TrackSource.UNKNOWN);
        assertThat(grant.canPublishSource(TrackSource.CAMERA)).isFalse();
    }
}
