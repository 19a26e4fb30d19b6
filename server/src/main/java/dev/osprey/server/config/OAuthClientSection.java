package dev.osprey.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One of Bedrud's {@code auth.google|github} sign-in clients: offered when both id and secret are set. */
public record OAuthClientSection(
        @JsonProperty("clientId") String clientId,
        @JsonProperty("clientSecret") String clientSecret,
        @JsonProperty("redirectUrl") String redirectUrl) {

    public static OAuthClientSection unset() {
        return new OAuthClientSection("", "", "");
    }

    public boolean configured() {
        return !clientId.isBlank() && !clientSecret.isBlank();
    }
}
