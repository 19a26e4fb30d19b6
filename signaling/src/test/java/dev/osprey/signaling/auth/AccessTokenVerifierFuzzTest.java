package dev.osprey.signaling.auth;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Fuzzes the token parser. The first byte chooses the shape: even → the rest is the raw token text; odd → the rest
 * is {@code header JSON 0x00 payload JSON}, signed with the right secret, so that mutations reach the claim mapping
 * behind the signature check. Only {@link AccessTokenException} may leave {@code verify}.
 */
class AccessTokenVerifierFuzzTest {

    private static final Instant NOW = Instant.parse("2026-09-01T12:00:00Z");
    private static final AccessTokenVerifier VERIFIER = new AccessTokenVerifier(Map.of("devkey", "secret"),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @FuzzTest(maxDuration = "30s")
    void verify(byte[] input) {
        if (input.length == 0) {
            return;
        }
        String token;
        String rest = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        if ((input[0] & 1) == 0) {
            token = rest;
        } else {
            int split = rest.indexOf('\0');
            String header = split < 0 ? "{\"alg\":\"HS256\"}" : rest.substring(0, split);
            String payload = split < 0 ? rest : rest.substring(split + 1);
            token = HandBuiltTokens.signed(header, payload, "HmacSHA256", "secret");
        }
        try {
            VerifiedToken verified = VERIFIER.verify(token);
            if (verified.grants() == null || verified.expiresAt() == null) {
                throw new AssertionError("verified token without grants or expiry");
            }
            if (verified.grants().hasVideo()) {
                verified.grants().video().toPermission();
            }
        } catch (AccessTokenException expected) {
            // the only failure the parser may report
        }
    }
}
