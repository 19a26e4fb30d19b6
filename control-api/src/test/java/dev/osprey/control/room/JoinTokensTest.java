package dev.osprey.control.room;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Join tokens must verify for LiveKit's own dev secret, which is far shorter than jjwt's HS256 minimum. */
class JoinTokensTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void tokenSignedWithTheSixByteDevSecretCarriesTheJoinGrant() throws Exception {
        String token = new JoinTokens("devkey", "secret", Clock.fixed(NOW, ZoneOffset.UTC))
                .mint("daily-standup", "user-1", "Ada", "{\"accesses\":[\"user\"]}");

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(Base64.getUrlDecoder().decode(parts[2])).isEqualTo(expected);

        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(Base64.getUrlDecoder().decode(parts[0])).get("alg").asText()).isEqualTo("HS256");
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims.get("iss").asText()).isEqualTo("devkey");
        assertThat(claims.get("sub").asText()).isEqualTo("user-1");
        assertThat(claims.get("exp").asLong()).isEqualTo(NOW.plus(JoinTokens.TTL).getEpochSecond());
        assertThat(claims.at("/video/roomJoin").asBoolean()).isTrue();
        assertThat(claims.at("/video/room").asText()).isEqualTo("daily-standup");
    }
}
