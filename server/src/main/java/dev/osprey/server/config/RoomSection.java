package dev.osprey.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code room:} — room lifecycle defaults, in seconds as livekit-server reads them. */
public record RoomSection(
        @JsonProperty("auto_create") boolean autoCreate,
        @JsonProperty("empty_timeout") int emptyTimeout,
        @JsonProperty("departure_timeout") int departureTimeout,
        @JsonProperty("max_participants") int maxParticipants) {

    public static RoomSection defaults() {
        return new RoomSection(true, 300, 20, 0);
    }
}
