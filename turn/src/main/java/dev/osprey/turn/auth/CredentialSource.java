package dev.osprey.turn.auth;

import java.util.Optional;

/**
 * One way of knowing TURN passwords (RFC 8489 §9.2 long-term credentials): static users, the TURN REST scheme, the
 * LiveKit scheme. The server derives the long-term key from the returned password, so a source never sees the realm.
 */
public interface CredentialSource {

    /**
     * The credential for {@code username} at {@code nowEpochSeconds}, or empty when this source does not know the
     * name or the credential has expired. Must not throw on any input: usernames come from the network.
     */
    Optional<Credential> lookup(String username, long nowEpochSeconds);
}
