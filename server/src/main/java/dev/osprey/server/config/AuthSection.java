package dev.osprey.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code auth:} — Bedrud's session JWTs; {@code tokenDuration} is in hours as Bedrud reads it. */
public record AuthSection(
        @JsonProperty("jwtSecret") String jwtSecret,
        @JsonProperty("sessionSecret") String sessionSecret,
        @JsonProperty("tokenDuration") int tokenDuration,
        @JsonProperty("frontendURL") String frontendUrl,
        @JsonProperty("requireEmailVerification") boolean requireEmailVerification,
        @JsonProperty("google") OAuthClientSection google,
        @JsonProperty("github") OAuthClientSection github) {

    public static AuthSection defaults() {
        return new AuthSection("", "", 24, "", false, OAuthClientSection.unset(), OAuthClientSection.unset());
    }
}
