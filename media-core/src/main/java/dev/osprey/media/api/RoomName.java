package dev.osprey.media.api;

import java.util.Objects;

/**
 * The application's name of a room (the {@code room} grant of an access token); unique among live rooms.
 *
 * @param value 1..256 characters without control characters
 */
public record RoomName(String value) {
    public RoomName {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > 256 || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("bad room name");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
