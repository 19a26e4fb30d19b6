package dev.osprey.turn.auth;

import java.util.Map;
import java.util.Optional;

/** Users and passwords from the {@code turn.users} configuration map; they never expire. */
public final class StaticUserCredentials implements CredentialSource {
    private final Map<String, String> passwords;

    public StaticUserCredentials(Map<String, String> passwords) {
        this.passwords = Map.copyOf(passwords);
    }

    @Override
    public Optional<Credential> lookup(String username, long nowEpochSeconds) {
        String password = passwords.get(username);
        return password == null ? Optional.empty() : Optional.of(new Credential(username, password));
    }
}
