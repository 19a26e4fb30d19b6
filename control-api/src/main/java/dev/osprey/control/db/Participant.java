package dev.osprey.control.db;

/** A row of {@code room_participants}: one per (room, user), re-activated on every join. */
public record Participant(String id, String roomId, String userId, long joinedAt, Long leftAt, boolean active,
                         boolean approved, boolean banned, boolean moderator, boolean onStage, boolean chatBlocked) {
}
