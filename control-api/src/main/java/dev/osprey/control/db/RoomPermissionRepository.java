package dev.osprey.control.db;

import java.util.UUID;

/**
 * Writes {@code room_permissions} (bedrud-api.md §4): the creator of a room gets a row with every right. Bedrud's
 * authorisation reads the participant flags, not this table; the row is kept for databases shared with Bedrud.
 */
public final class RoomPermissionRepository {

    private final Sql sql;

    public RoomPermissionRepository(Sql sql) {
        this.sql = sql;
    }

    /** The room administrator's row: admin, may kick, mute, disable video and chat. */
    public void grantAdmin(String roomId, String userId, long now) {
        int updated = sql.update("UPDATE room_permissions SET is_admin = ?, can_kick = ?, can_mute_audio = ?,"
                + " can_disable_video = ?, can_chat = ?, updated_at = ? WHERE room_id = ? AND user_id = ?", true, true,
                true, true, true, now, roomId, userId);
        if (updated == 0) {
            sql.update("INSERT INTO room_permissions (id, room_id, user_id, is_admin, can_kick, can_mute_audio,"
                    + " can_disable_video, can_chat, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    UUID.randomUUID().toString(), roomId, userId, true, true, true, true, true, now, now);
        }
    }

    /** Whether {@code userId} holds the admin row of {@code roomId}. */
    public boolean isAdmin(String roomId, String userId) {
        return sql.queryLong("SELECT COUNT(*) FROM room_permissions WHERE room_id = ? AND user_id = ? AND is_admin = ?",
                roomId, userId, true) > 0;
    }
}
