package dev.osprey.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code server:} — Bedrud's API listener ({@code server.port}, 8090 by default). */
public record ServerSection(
        @JsonProperty("port") int port,
        @JsonProperty("host") String host,
        @JsonProperty("enabled") boolean enabled) {

    public static ServerSection defaults() {
        return new ServerSection(8090, "0.0.0.0", true);
    }
}
