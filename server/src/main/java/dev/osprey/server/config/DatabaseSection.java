package dev.osprey.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code database:} — SQLite file (default) or PostgreSQL, as Bedrud configures it. */
public record DatabaseSection(
        @JsonProperty("type") String type,
        @JsonProperty("path") String path,
        @JsonProperty("host") String host,
        @JsonProperty("port") int port,
        @JsonProperty("user") String user,
        @JsonProperty("password") String password,
        @JsonProperty("name") String name,
        @JsonProperty("sslmode") String sslMode) {

    public static DatabaseSection defaults() {
        return new DatabaseSection("sqlite", "", "localhost", 5432, "", "", "bedrud", "disable");
    }
}
