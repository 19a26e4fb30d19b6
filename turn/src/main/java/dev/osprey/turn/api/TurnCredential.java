package dev.osprey.turn.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A username and password for this relay, as a client puts them in {@code RTCIceServer.username/credential} (or
 * LiveKit's JoinResponse {@code ice_servers}), valid until {@code expiresAt}.
 */
public record TurnCredential(String username, String password, Instant expiresAt) {
    public TurnCredential {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "TurnCredential[username=" + username + ", expiresAt=" + expiresAt + "]";
    }
}
