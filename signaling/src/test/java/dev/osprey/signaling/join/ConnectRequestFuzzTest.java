package dev.osprey.signaling.join;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.osprey.signaling.KnownRooms;
import dev.osprey.signaling.auth.AccessTokenVerifier;
import dev.osprey.signaling.auth.HandBuiltTokens;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Fuzzes the join checks from the raw request URI, as {@code /rtc} and {@code /rtc/validate} receive it (query
 * decoding, attributes, client info, reconnect fields). An odd first byte adds a valid join token so that inputs get
 * past authentication. A malformed URI may only fail query decoding with IllegalArgumentException, which the route
 * answers with 400; everything else must be a {@link ConnectRejection} or a complete {@link ParticipantInit}.
 */
class ConnectRequestFuzzTest {

    private static final Instant NOW = Instant.parse("2026-09-01T12:00:00Z");
    private static final ConnectRequestValidator VALIDATOR = new ConnectRequestValidator(
            new AccessTokenVerifier(Map.of("devkey", "secret"), Clock.fixed(NOW, ZoneOffset.UTC)), new KnownRooms(),
            true);
    private static final String TOKEN = HandBuiltTokens.hs256("{\"iss\":\"devkey\",\"sub\":\"fuzz\",\"exp\":"
            + (NOW.getEpochSecond() + 600) + ",\"video\":{\"roomJoin\":true,\"room\":\"r\",\"canUpdateOwnMetadata\":true}}",
            "secret");

    @FuzzTest(maxDuration = "30s")
    void validate(byte[] input) {
        if (input.length == 0) {
            return;
        }
        String uri = "/rtc?" + new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        String authorization = (input[0] & 1) == 1 ? "Bearer " + TOKEN : null;
        ConnectRequest request;
        try {
            request = new ConnectRequest(new QueryStringDecoder(uri).parameters(), authorization, "127.0.0.1");
        } catch (IllegalArgumentException malformedQuery) {
            return;
        }
        try {
            ParticipantInit init = VALIDATOR.validate(request);
            if (init.identity().isEmpty() || init.roomName().isEmpty() || init.client() == null) {
                throw new AssertionError("incomplete join accepted: " + init);
            }
        } catch (ConnectRejection rejection) {
            if (rejection.status() < 400 || rejection.status() > 499 || rejection.getMessage().isEmpty()) {
                throw new AssertionError("rejection without a 4xx status and reason", rejection);
            }
        }
    }
}
