package dev.osprey.control.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Reads and writes {@code rooms}. */
public final class RoomRepository {

    static final String COLUMNS = "id, name, created_by, admin_id, is_active, is_public, is_suspended,"
            + " deletion_pending, max_participants, mode, allow_chat, allow_video, allow_audio, require_approval, e2ee,"
            + " is_persistent, recordings_allowed, created_at, updated_at, expires_at, last_activity_at, deleted_at";

    private final Sql sql;

    public RoomRepository(Sql sql) {
        this.sql = sql;
    }

    static Room map(ResultSet rs) throws SQLException {
        RoomSettings settings = new RoomSettings(rs.getBoolean("allow_chat"), rs.getBoolean("allow_video"),
                rs.getBoolean("allow_audio"), rs.getBoolean("require_approval"), rs.getBoolean("e2ee"),
                rs.getBoolean("is_persistent"), rs.getBoolean("recordings_allowed"));
        return new Room(rs.getString("id"), rs.getString("name"), rs.getString("created_by"),
                rs.getString("admin_id"), rs.getBoolean("is_active"), rs.getBoolean("is_public"),
                rs.getBoolean("is_suspended"), rs.getBoolean("deletion_pending"), rs.getInt("max_participants"),
                rs.getString("mode"), settings, rs.getLong("created_at"), rs.getLong("updated_at"),
                rs.getLong("expires_at"), rs.getLong("last_activity_at"), Sql.nullableLong(rs, "deleted_at"));
    }

    public void insert(Room r) {
        RoomSettings s = r.settings();
        sql.update("INSERT INTO rooms (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", r.id(),
                r.name(), r.createdBy(), r.adminId(), r.active(), r.isPublic(), r.suspended(), r.deletionPending(),
                r.maxParticipants(), r.mode(), s.allowChat(), s.allowVideo(), s.allowAudio(), s.requireApproval(),
                s.e2ee(), s.isPersistent(), s.recordingsAllowed(), r.createdAt(), r.updatedAt(), r.expiresAt(),
                r.lastActivityAt(), r.deletedAt());
    }

    public Optional<Room> findById(String id) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM rooms WHERE id = ?", RoomRepository::map, id);
    }

    /** The newest room carrying this slug (an active one if any: only active rooms reserve a name). */
    public Optional<Room> findByName(String name) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM rooms WHERE name = ? ORDER BY is_active DESC, created_at DESC"
                + " LIMIT 1", RoomRepository::map, name);
    }

    public boolean activeNameExists(String name) {
        return sql.queryLong("SELECT COUNT(*) FROM rooms WHERE name = ? AND is_active = ?", name, true) > 0;
    }

    public long countActiveCreatedBy(String userId) {
        return sql.queryLong("SELECT COUNT(*) FROM rooms WHERE created_by = ? AND is_active = ?", userId, true);
    }

    /** The caller's rooms that are not archived, newest per name. */
    public List<Room> listOwned(String userId) {
        return sql.query("SELECT " + COLUMNS + " FROM rooms r WHERE created_by = ? AND deleted_at IS NULL"
                + " AND created_at = (SELECT MAX(created_at) FROM rooms r2 WHERE r2.created_by = r.created_by"
                + " AND r2.name = r.name AND r2.deleted_at IS NULL) ORDER BY created_at DESC", RoomRepository::map,
                userId);
    }

    public List<Room> listArchived(String userId, int limit, int offset) {
        return sql.query("SELECT " + COLUMNS + " FROM rooms WHERE created_by = ? AND deleted_at IS NOT NULL"
                + " ORDER BY deleted_at DESC LIMIT " + limit + " OFFSET " + offset, RoomRepository::map, userId);
    }

    public long countArchived(String userId) {
        return sql.queryLong("SELECT COUNT(*) FROM rooms WHERE created_by = ? AND deleted_at IS NOT NULL", userId);
    }

    public List<Room> listCreatedBy(String userId) {
        return sql.query("SELECT " + COLUMNS + " FROM rooms WHERE created_by = ? ORDER BY created_at DESC",
                RoomRepository::map, userId);
    }

    public void update(Room r, long now) {
        RoomSettings s = r.settings();
        sql.update("UPDATE rooms SET is_public = ?, max_participants = ?, allow_chat = ?, allow_video = ?,"
                + " allow_audio = ?, require_approval = ?, e2ee = ?, is_persistent = ?, recordings_allowed = ?,"
                + " updated_at = ? WHERE id = ?", r.isPublic(), r.maxParticipants(), s.allowChat(), s.allowVideo(),
                s.allowAudio(), s.requireApproval(), s.e2ee(), s.isPersistent(), s.recordingsAllowed(), now, r.id());
    }

    public void touch(String id, long now) {
        sql.update("UPDATE rooms SET last_activity_at = ? WHERE id = ?", now, id);
    }

    public void setActive(String id, boolean active, long now) {
        sql.update("UPDATE rooms SET is_active = ?, updated_at = ? WHERE id = ?", active, now, id);
    }

    public void reactivate(String id, long now, long expiresAt) {
        sql.update("UPDATE rooms SET is_active = ?, is_suspended = ?, expires_at = ?, last_activity_at = ?,"
                + " updated_at = ? WHERE id = ?", true, false, expiresAt, now, now, id);
    }

    public void suspend(String id, long now) {
        sql.update("UPDATE rooms SET is_active = ?, is_suspended = ?, updated_at = ? WHERE id = ?", false, true, now,
                id);
    }

    /** Claims the room for deletion; false when a deletion is already under way. */
    public boolean markDeletionPending(String id) {
        return sql.update("UPDATE rooms SET deletion_pending = ? WHERE id = ? AND deletion_pending = ?", true, id,
                false) == 1;
    }

    /** Soft delete: the room ends and is archived (kept for the owner's archive list). */
    public void archive(String id, long now) {
        sql.update("UPDATE rooms SET is_active = ?, deleted_at = ?, deletion_pending = ?, updated_at = ? WHERE id = ?",
                false, now, false, now, id);
    }

    public void delete(String id) {
        sql.update("DELETE FROM rooms WHERE id = ?", id);
    }

    /** Non-persistent active rooms whose lifetime ended. */
    public List<Room> listExpired(long now) {
        return sql.query("SELECT " + COLUMNS + " FROM rooms WHERE is_active = ? AND is_persistent = ? AND expires_at < ?",
                RoomRepository::map, true, false, now);
    }

    /** Non-persistent active rooms created before {@code createdBefore} (candidates of the idle scan). */
    public List<Room> listIdleCandidates(long createdBefore) {
        return sql.query("SELECT " + COLUMNS + " FROM rooms WHERE is_active = ? AND is_persistent = ?"
                + " AND created_at < ?", RoomRepository::map, true, false, createdBefore);
    }

    public List<Room> page(SqlFilter where, String orderBy, int limit, int offset) {
        return sql.query("SELECT " + COLUMNS + " FROM rooms r" + where.clause() + " ORDER BY " + orderBy + " LIMIT "
                + limit + " OFFSET " + offset, RoomRepository::map, where.params());
    }

    public long count(SqlFilter where) {
        return sql.queryLong("SELECT COUNT(*) FROM rooms r" + where.clause(), where.params());
    }

    /** Creation times of rooms created since {@code since} (the overview's trend). */
    public List<Long> createdSince(long since) {
        return sql.query("SELECT created_at FROM rooms WHERE created_at >= ?", rs -> rs.getLong(1), since);
    }

    public long countAll() {
        return sql.queryLong("SELECT COUNT(*) FROM rooms");
    }
}
