package dev.osprey.control.db;

import java.util.Set;

/**
 * One entry of the admin's room time line: a room was created, or a user joined one (bedrud-api.md §2.4). Derived
 * from {@code rooms} and {@code room_participants}, so a re-join shows as the participation's latest join.
 */
public record RoomEvent(String type, String roomId, String roomName, String userId, String userName, long timestamp) {

    public static final String CREATED = "room_created";
    public static final String JOINED = "room_joined";
    public static final Set<String> TYPES = Set.of(CREATED, JOINED);
}
