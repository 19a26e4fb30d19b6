package dev.osprey.turn.auth;

import java.util.Objects;

/**
 * What a {@link CredentialSource} knows about a TURN username: the password the client must have used, and the
 * account the allocation is charged to for the per-user quota (the static user, the REST user id, the LiveKit
 * participant). Several usernames can map to one account (REST and LiveKit usernames embed an expiry).
 */
public record Credential(String account, String password) {
    public Credential {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "Credential[account=" + account + "]"; // never print the password
    }
}
