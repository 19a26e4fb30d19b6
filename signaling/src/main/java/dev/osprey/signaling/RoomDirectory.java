package dev.osprey.signaling;

/**
 * Which rooms exist, for the join check LiveKit makes when rooms are not auto-created: a join naming an unknown room
 * is answered 404 {@code requested room does not exist}. The media engine's room registry answers this once it
 * exists; until then {@link KnownRooms} holds the rooms created through the API.
 */
@FunctionalInterface
public interface RoomDirectory {

    boolean exists(String roomName);
}
