package dev.osprey.media.api;

import java.util.Objects;

/**
 * A snapshot of a room for signaling (JoinResponse.room, room_update) and the server API.
 *
 * @param id                 the room's sid
 * @param name               the application's room name
 * @param settings           timeouts and participant limit
 * @param metadata           application metadata, empty when none
 * @param creationTimeMillis wall-clock creation time, ms since the Unix epoch
 * @param numParticipants    participants currently in the room, hidden ones included
 * @param numPublishers      participants with at least one published track
 */
public record RoomInfo(RoomId id, RoomName name, RoomSettings settings, String metadata, long creationTimeMillis,
                       int numParticipants, int numPublishers) {
    public RoomInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(metadata, "metadata");
    }
}
