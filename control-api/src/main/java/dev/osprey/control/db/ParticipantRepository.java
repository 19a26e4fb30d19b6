package dev.osprey.control.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads and writes {@code room_participants}. */
public final class ParticipantRepository {

    private static final String COLUMNS = "id, room_id, user_id, joined_at, left_at, is_active, is_approved,"
            + " is_banned, is_moderator, is_on_stage, is_chat_blocked";

    private final Sql sql;

    public ParticipantRepository(Sql sql) {
        this.sql = sql;
    }

    static Participant map(ResultSet rs) throws SQLException {
        return new Participant(rs.getString("id"), rs.getString("room_id"), rs.getString("user_id"),
                rs.getLong("joined_at"), Sql.nullableLong(rs, "left_at"), rs.getBoolean("is_active"),
                rs.getBoolean("is_approved"), rs.getBoolean("is_banned"), rs.getBoolean("is_moderator"),
                rs.getBoolean("is_on_stage"), rs.getBoolean("is_chat_blocked"));
    }

    public Optional<Participant> find(String roomId, String userId) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM room_participants WHERE room_id = ? AND user_id = ?",
                ParticipantRepository::map, roomId, userId);
    }

    /** Marks the user as an active participant, creating the row on first join. */
    public void upsertActive(String roomId, String userId, boolean onStage, long now) {
        int updated = sql.update("UPDATE room_participants SET is_active = ?, joined_at = ?, left_at = NULL"
                + " WHERE room_id = ? AND user_id = ?", true, now, roomId, userId);
        if (updated == 0) {
            sql.update("INSERT INTO room_participants (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    UUID.randomUUID().toString(), roomId, userId, now, null, true, true, false, false, onStage, false);
        }
    }

    public int markLeft(String roomId, String userId, long now) {
        return sql.update("UPDATE room_participants SET is_active = ?, left_at = ? WHERE room_id = ? AND user_id = ?"
                + " AND is_active = ?", false, now, roomId, userId, true);
    }

    public int markAllLeft(String roomId, long now) {
        return sql.update("UPDATE room_participants SET is_active = ?, left_at = ? WHERE room_id = ? AND is_active = ?",
                false, now, roomId, true);
    }

    public void ban(String roomId, String userId, long now) {
        if (find(roomId, userId).isEmpty()) {
            sql.update("INSERT INTO room_participants (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    UUID.randomUUID().toString(), roomId, userId, now, now, false, false, true, false, false, false);
            return;
        }
        sql.update("UPDATE room_participants SET is_banned = ?, is_active = ?, left_at = ? WHERE room_id = ?"
                + " AND user_id = ?", true, false, now, roomId, userId);
    }

    public void setModerator(String roomId, String userId, boolean moderator) {
        sql.update("UPDATE room_participants SET is_moderator = ? WHERE room_id = ? AND user_id = ?", moderator, roomId,
                userId);
    }

    public void setChatBlocked(String roomId, String userId) {
        sql.update("UPDATE room_participants SET is_chat_blocked = ? WHERE room_id = ? AND user_id = ?", true, roomId,
                userId);
    }

    public long countActive(String roomId) {
        return sql.queryLong("SELECT COUNT(*) FROM room_participants WHERE room_id = ? AND is_active = ?", roomId, true);
    }

    public List<Participant> listActive(String roomId) {
        return sql.query("SELECT " + COLUMNS + " FROM room_participants WHERE room_id = ? AND is_active = ?"
                + " ORDER BY joined_at", ParticipantRepository::map, roomId, true);
    }

    /** Distinct users with an active participation anywhere (admin online count). */
    public long countOnlineUsers() {
        return sql.queryLong("SELECT COUNT(DISTINCT user_id) FROM room_participants WHERE is_active = ?", true);
    }

    public long countActiveSessions() {
        return sql.queryLong("SELECT COUNT(*) FROM room_participants WHERE is_active = ?", true);
    }

    /** A user's sessions with the room's name, newest first: rows of (participant, room name). */
    public List<Session> sessionsOf(String userId, int limit, int offset) {
        return sql.query("SELECT p.id, p.room_id, r.name, p.joined_at, p.left_at, p.is_active FROM room_participants p"
                + " JOIN rooms r ON r.id = p.room_id WHERE p.user_id = ? ORDER BY p.joined_at DESC LIMIT " + limit
                + " OFFSET " + offset, rs -> new Session(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getLong(4), Sql.nullableLong(rs, "left_at"), rs.getBoolean(6)), userId);
    }

    public long countSessionsOf(String userId) {
        return sql.queryLong("SELECT COUNT(*) FROM room_participants WHERE user_id = ?", userId);
    }

    /** Joins since {@code since}: (room, join time) pairs for the overview's trend. */
    public List<Join> joinsSince(long since) {
        return sql.query("SELECT room_id, joined_at FROM room_participants WHERE joined_at >= ?",
                rs -> new Join(rs.getString(1), rs.getLong(2)), since);
    }

    /** A room and when someone (last) joined it. */
    public record Join(String roomId, long joinedAt) {
    }

    /** One participation of a user, for the admin sessions view. */
    public record Session(String id, String roomId, String roomName, long joinedAt, Long leftAt, boolean active) {
    }
}
