package dev.osprey.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code logging:} — root level ({@code debug|info|warn|error}) and whether lines are JSON. */
public record LoggingSection(
        @JsonProperty("level") String level,
        @JsonProperty("json") boolean json) {

    public static LoggingSection defaults() {
        return new LoggingSection("info", false);
    }
}
