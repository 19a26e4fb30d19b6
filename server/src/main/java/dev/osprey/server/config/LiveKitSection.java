package dev.osprey.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code livekit:} — how Bedrud's API reaches the media server. Embedded (default): Osprey's own SFU, and
 * {@code host} is the URL handed to browsers. External: a LiveKit-compatible server at {@code internalHost}.
 */
public record LiveKitSection(
        @JsonProperty("host") String host,
        @JsonProperty("internalHost") String internalHost,
        @JsonProperty("apiKey") String apiKey,
        @JsonProperty("apiSecret") String apiSecret,
        @JsonProperty("external") boolean external) {

    public static LiveKitSection defaults() {
        return new LiveKitSection("", "", "", "", false);
    }
}
