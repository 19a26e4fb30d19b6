package dev.osprey.turn.auth;

import java.util.List;
import java.util.Optional;

/** Asks each configured {@link CredentialSource} in turn; the first that knows the username answers. */
public final class CredentialChain implements CredentialSource {
    private final List<CredentialSource> sources;

    public CredentialChain(List<CredentialSource> sources) {
        this.sources = List.copyOf(sources);
    }

    @Override
    public Optional<Credential> lookup(String username, long nowEpochSeconds) {
        for (CredentialSource source : sources) {
            Optional<Credential> found = source.lookup(username, nowEpochSeconds);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
