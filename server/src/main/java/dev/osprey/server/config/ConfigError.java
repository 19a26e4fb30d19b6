package dev.osprey.server.config;

/** One problem with the configuration: the dotted key (or environment variable) and what was expected. */
public record ConfigError(String key, String message) {
    @Override
    public String toString() {
        return key + ": " + message;
    }
}
