package dev.osprey.media.api;

import java.util.Objects;

/**
 * The application's identity of a participant (the {@code sub} of an access token); unique within a room: a second
 * join with the same identity replaces the first session (livekit-protocol.md §2.9).
 *
 * @param value 1..256 characters without control characters
 */
public record ParticipantIdentity(String value) {
    public ParticipantIdentity {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > 256 || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("bad participant identity");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
