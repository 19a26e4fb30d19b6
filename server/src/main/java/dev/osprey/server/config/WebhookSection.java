package dev.osprey.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** {@code webhook:} — where LiveKit-style webhooks are POSTed, signed with {@code api_key}'s secret. */
public record WebhookSection(
        @JsonProperty("urls") List<String> urls,
        @JsonProperty("api_key") String apiKey) {

    public static WebhookSection defaults() {
        return new WebhookSection(List.of(), "");
    }
}
