package dev.osprey.signaling.join;

import dev.osprey.signaling.KnownRooms;
import dev.osprey.signaling.auth.AccessTokenVerifier;
import io.livekit.server.AccessToken;
import io.livekit.server.CanPublish;
import io.livekit.server.CanUpdateOwnMetadata;
import io.livekit.server.RoomCreate;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import livekit.LivekitModels.ClientInfo;
import livekit.LivekitModels.ReconnectReason;
import livekit.LivekitRoom.RoomConfiguration;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.osprey.signaling.auth.HandBuiltTokens.hs256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectRequestValidatorTest {

    private static final Instant NOW = Instant.parse("2026-09-01T12:00:00Z");
    private final AccessTokenVerifier verifier = new AccessTokenVerifier(Map.of("devkey", "secret"),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final KnownRooms rooms = new KnownRooms();
    private final ConnectRequestValidator autoCreate = new ConnectRequestValidator(verifier, rooms, true);
    private final ConnectRequestValidator noAutoCreate = new ConnectRequestValidator(verifier, rooms, false);

    private static AccessToken token(String identity, String room) {
        AccessToken token = new AccessToken("devkey", "secret");
        token.setIdentity(identity);
        token.setExpiration(Date.from(NOW.plusSeconds(600)));
        token.addGrants(new RoomJoin(true), new RoomName(room));
        return token;
    }

    private static ConnectRequest query(Map<String, String> params) {
        Map<String, List<String>> query = new HashMap<>();
        params.forEach((k, v) -> query.put(k, List.of(v)));
        return new ConnectRequest(query, null, "10.0.0.1");
    }

    private static ConnectRequest withToken(String jwt, Map<String, String> params) {
        Map<String, String> all = new HashMap<>(params);
        all.put("access_token", jwt);
        return query(all);
    }

    private static void rejected(ConnectRequestValidator validator, ConnectRequest request, int status, String reason) {
        assertThatThrownBy(() -> validator.validate(request)).isInstanceOfSatisfying(ConnectRejection.class, r -> {
            assertThat(r.status()).isEqualTo(status);
            assertThat(r.getMessage()).isEqualTo(reason);
        });
    }

    @Test
    void validJoinFromTheJsClientQuery() throws ConnectRejection {
        AccessToken token = token("alice", "room-1");
        token.setName("Alice");
        ParticipantInit init = autoCreate.validate(withToken(token.toJwt(), Map.of("auto_subscribe", "1", "sdk", "js",
                "version", "2.21.0", "protocol", "17", "client_protocol", "2", "adaptive_stream", "1",
                "os", "Linux", "browser", "Chrome")));
        assertThat(init.roomName()).isEqualTo("room-1");
        assertThat(init.identity()).isEqualTo("alice");
        assertThat(init.grants().name()).isEqualTo("Alice");
        assertThat(init.apiKey()).isEqualTo("devkey");
        assertThat(init.tokenExpiresAt()).isEqualTo(NOW.plusSeconds(600));
        assertThat(init.autoSubscribe()).isTrue();
        assertThat(init.adaptiveStream()).isTrue();
        assertThat(init.reconnect()).isFalse();
        assertThat(init.participantSid()).isEmpty();
        assertThat(init.client()).isEqualTo(ClientInfo.newBuilder().setSdk(ClientInfo.SDK.JS).setVersion("2.21.0")
                .setProtocol(17).setClientProtocol(2).setOs("Linux").setBrowser("Chrome").setAddress("10.0.0.1").build());
        assertThat(init.createRoom().getName()).isEqualTo("room-1");
    }

    @Test
    void autoSubscribeDefaultsToTrueAndReadsZero() throws ConnectRejection {
        String jwt = token("a", "r").toJwt();
        assertThat(autoCreate.validate(withToken(jwt, Map.of())).autoSubscribe()).isTrue();
        assertThat(autoCreate.validate(withToken(jwt, Map.of("auto_subscribe", "0"))).autoSubscribe()).isFalse();
        assertThat(autoCreate.validate(withToken(jwt, Map.of())).subscriberAllowPause()).isNull();
        assertThat(autoCreate.validate(withToken(jwt, Map.of("subscriber_allow_pause", "true")))
                .subscriberAllowPause()).isTrue();
    }

    @Test
    void reconnectCarriesSidAndReason() throws ConnectRejection {
        ParticipantInit init = autoCreate.validate(withToken(token("a", "r").toJwt(),
                Map.of("reconnect", "1", "sid", "PA_abc", "reconnect_reason", "1")));
        assertThat(init.reconnect()).isTrue();
        assertThat(init.participantSid()).isEqualTo("PA_abc");
        assertThat(init.reconnectReason()).isEqualTo(ReconnectReason.RR_SIGNAL_DISCONNECTED);
        ParticipantInit odd = autoCreate.validate(withToken(token("a", "r").toJwt(),
                Map.of("reconnect_reason", "99", "sid", "PA_ignored")));
        assertThat(odd.reconnectReason()).isEqualTo(ReconnectReason.RR_UNKNOWN);
        assertThat(odd.participantSid()).isEmpty();
    }

    @Test
    void bearerHeaderIsAcceptedAndWinsOverTheQuery() throws ConnectRejection {
        ConnectRequest request = new ConnectRequest(Map.of("access_token", List.of("garbage")),
                "Bearer " + token("bob", "r").toJwt(), "");
        assertThat(autoCreate.validate(request).identity()).isEqualTo("bob");
    }

    @Test
    void headerWithoutBearerIsUnauthorized() {
        rejected(autoCreate, new ConnectRequest(Map.of(), "Basic Zm9vOmJhcg==", ""), 401,
                "invalid authorization header. Must start with Bearer ");
        rejected(autoCreate, new ConnectRequest(Map.of(), token("a", "r").toJwt(), ""), 401,
                "invalid authorization header. Must start with Bearer ");
    }

    @Test
    void missingTokenIsUnauthorized() {
        rejected(autoCreate, query(Map.of()), 401, "no permissions to access the room");
    }

    @Test
    void badTokensAreUnauthorizedWithTheirReason() {
        rejected(autoCreate, withToken("not-a-jwt", Map.of()), 401, "invalid authorization token");
        rejected(autoCreate, withToken(hs256("{\"iss\":\"devkey\",\"sub\":\"a\",\"exp\":1}", "secret"), Map.of()), 401,
                "invalid authorization token: token is expired");
        rejected(autoCreate, withToken(hs256("{\"iss\":\"stranger\",\"sub\":\"a\",\"exp\":1}", "secret"), Map.of()),
                401, "invalid API key");
    }

    @Test
    void tokenWithoutVideoGrantIsUnauthorized() {
        String jwt = hs256("{\"iss\":\"devkey\",\"sub\":\"a\",\"exp\":" + (NOW.getEpochSecond() + 60) + "}", "secret");
        rejected(autoCreate, withToken(jwt, Map.of()), 401, "no permissions to access the room");
    }

    @Test
    void tokenWithoutRoomJoinIsUnauthorized() {
        AccessToken token = new AccessToken("devkey", "secret");
        token.setIdentity("a");
        token.setExpiration(Date.from(NOW.plusSeconds(60)));
        token.addGrants(new RoomName("r"), new RoomCreate(true));
        rejected(autoCreate, withToken(token.toJwt(), Map.of()), 401, "permissions denied");
    }

    @Test
    void emptyIdentityIsABadRequest() {
        rejected(autoCreate, withToken(token("", "r").toJwt(), Map.of()), 400, "identity cannot be empty");
    }

    @Test
    void missingRoomIsABadRequest() {
        AccessToken token = new AccessToken("devkey", "secret");
        token.setIdentity("a");
        token.setExpiration(Date.from(NOW.plusSeconds(60)));
        token.addGrants(new RoomJoin(true));
        rejected(autoCreate, withToken(token.toJwt(), Map.of()), 400, "no room name");
    }

    @Test
    void overlongNamesAreBadRequests() {
        rejected(autoCreate, withToken(token("x".repeat(257), "r").toJwt(), Map.of()), 400,
                "participant identity length exceeds limits: max length 256");
        rejected(autoCreate, withToken(token("a", "é".repeat(129)).toJwt(), Map.of()), 400,
                "room name length exceeds limits: max length 256");
    }

    @Test
    void unknownRoomIsNotFoundWhenAutoCreateIsOff() throws ConnectRejection {
        String jwt = token("a", "planned").toJwt();
        rejected(noAutoCreate, withToken(jwt, Map.of()), 404, "requested room does not exist");
        rooms.add("planned");
        assertThat(noAutoCreate.validate(withToken(jwt, Map.of())).roomName()).isEqualTo("planned");
        rooms.remove("planned");
        rejected(noAutoCreate, withToken(jwt, Map.of()), 404, "requested room does not exist");
    }

    @Test
    void roomCreateGrantMayCreateEvenWhenAutoCreateIsOff() throws ConnectRejection {
        AccessToken token = token("host", "new-room");
        token.addGrants(new RoomCreate(true));
        assertThat(noAutoCreate.validate(withToken(token.toJwt(), Map.of())).roomName()).isEqualTo("new-room");
    }

    @Test
    void publishOnlyConnectionGetsSuffixAndNoSubscribe() throws ConnectRejection {
        ParticipantInit init = autoCreate.validate(withToken(token("cam", "r").toJwt(), Map.of("publish", "screen")));
        assertThat(init.identity()).isEqualTo("cam#screen");
        assertThat(init.grants().video().effectiveCanSubscribe()).isFalse();
        assertThat(init.grants().video().effectiveCanPublish()).isTrue();

        AccessToken viewer = token("viewer", "r");
        viewer.addGrants(new CanPublish(false));
        rejected(autoCreate, withToken(viewer.toJwt(), Map.of("publish", "x")), 401, "no permissions to access the room");
    }

    @Test
    void clientAttributesNeedCanUpdateOwnMetadata() throws ConnectRejection {
        String attrs = Base64.getUrlEncoder().encodeToString("{\"mood\":\"happy\",\"team\":\"\"}"
                .getBytes(StandardCharsets.UTF_8));
        rejected(autoCreate, withToken(token("a", "r").toJwt(), Map.of("attributes", attrs)), 401,
                "no permissions to access the room");

        AccessToken token = token("a", "r");
        token.addGrants(new CanUpdateOwnMetadata(true));
        token.getAttributes().put("team", "blue");
        ParticipantInit init = autoCreate.validate(withToken(token.toJwt(), Map.of("attributes", attrs)));
        assertThat(init.grants().attributes()).containsOnly(Map.entry("mood", "happy"), Map.entry("team", "blue"));
    }

    @Test
    void undecodableAttributesAreABadRequest() {
        String jwt = token("a", "r").toJwt();
        for (String bad : List.of("%%%", Base64.getUrlEncoder().encodeToString("[1]".getBytes(StandardCharsets.UTF_8)),
                Base64.getUrlEncoder().encodeToString("{\"a\":1}".getBytes(StandardCharsets.UTF_8)),
                Base64.getUrlEncoder().encodeToString("{\"a\":".getBytes(StandardCharsets.UTF_8)))) {
            rejected(autoCreate, withToken(jwt, Map.of("attributes", bad)), 400, "cannot decode attributes");
        }
    }

    @Test
    void singlePeerConnectionJoinRequestIsRefused() {
        rejected(autoCreate, withToken(token("a", "r").toJwt(), Map.of("join_request", "AAAA")), 400,
                "join_request is not supported: single peer connection mode is not served");
    }

    @Test
    void tokenRoomConfigurationBecomesTheCreateRequest() throws ConnectRejection {
        AccessToken token = token("a", "configured");
        token.setRoomConfiguration(RoomConfiguration.newBuilder().setEmptyTimeout(30).setMaxParticipants(3)
                .setMetadata("m").build());
        token.setRoomPreset("small");
        ParticipantInit init = autoCreate.validate(withToken(token.toJwt(), Map.of()));
        assertThat(init.createRoom().getEmptyTimeout()).isEqualTo(30);
        assertThat(init.createRoom().getMaxParticipants()).isEqualTo(3);
        assertThat(init.createRoom().getMetadata()).isEqualTo("m");
        assertThat(init.createRoom().getRoomPreset()).isEqualTo("small");
    }

    @Test
    void roomConfigTagsAreAProtojsonMap() throws ConnectRejection {
        String tags = hs256("{\"iss\":\"devkey\",\"sub\":\"a\",\"exp\":" + (NOW.getEpochSecond() + 60)
                + ",\"video\":{\"roomJoin\":true,\"room\":\"r\"},\"roomConfig\":{\"tags\":{\"k\":\"v\"}}}", "secret");
        assertThat(autoCreate.validate(withToken(tags, Map.of())).createRoom().getTagsMap()).containsEntry("k", "v");
        // the Kotlin SDK 0.13.0 writes map fields as [{key, value}] lists, which LiveKit's protojson refuses too
        AccessToken kotlinTags = token("a", "r");
        kotlinTags.setRoomConfiguration(RoomConfiguration.newBuilder().putTags("k", "v").build());
        rejected(autoCreate, withToken(kotlinTags.toJwt(), Map.of()), 401,
                "invalid authorization token: roomConfig is not a room configuration");
    }

    @Test
    void capabilitiesAndUnknownSdk() throws ConnectRejection {
        ParticipantInit init = autoCreate.validate(withToken(token("a", "r").toJwt(),
                Map.of("sdk", "cobol", "capabilities", "CAP_PACKET_TRAILER, NOPE", "protocol", "x")));
        assertThat(init.client().getSdk()).isEqualTo(ClientInfo.SDK.UNKNOWN);
        assertThat(init.client().getCapabilitiesList()).containsExactly(ClientInfo.Capability.CAP_PACKET_TRAILER);
        assertThat(init.client().getProtocol()).isZero();
    }
}
