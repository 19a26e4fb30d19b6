package dev.osprey.control.db;

/**
 * A row of {@code rooms} (bedrud-api.md §4): {@code name} is the URL slug, {@code id} a UUID. A room stays in the
 * table after it ends: {@code deletedAt} marks it archived, {@code active=false} ended or idle.
 */
public record Room(String id, String name, String createdBy, String adminId, boolean active, boolean isPublic,
                   boolean suspended, boolean deletionPending, int maxParticipants, String mode, RoomSettings settings,
                   long createdAt, long updatedAt, long expiresAt, long lastActivityAt, Long deletedAt) {

    /** The room's administrator: {@code adminId}, else its creator. */
    public String effectiveAdminId() {
        return adminId == null || adminId.isEmpty() ? createdBy : adminId;
    }

    public Room withActive(boolean value) {
        return new Room(id, name, createdBy, adminId, value, isPublic, suspended, deletionPending, maxParticipants,
                mode, settings, createdAt, updatedAt, expiresAt, lastActivityAt, deletedAt);
    }
}
