package dev.osprey.control.db;

import java.util.List;

/**
 * Reads the room time line: room creations and participations as one relation with the columns {@code type,
 * room_id, room_name, user_id, user_name, ts} that filters refer to.
 */
public final class RoomEventRepository {

    private static final String EVENTS = "(SELECT '" + RoomEvent.CREATED + "' AS type, r.id AS room_id,"
            + " r.name AS room_name, r.created_by AS user_id, COALESCE(u.name, '') AS user_name, r.created_at AS ts"
            + " FROM rooms r LEFT JOIN users u ON u.id = r.created_by"
            + " UNION ALL SELECT '" + RoomEvent.JOINED + "', r.id, r.name, p.user_id, COALESCE(u.name, ''), p.joined_at"
            + " FROM room_participants p JOIN rooms r ON r.id = p.room_id LEFT JOIN users u ON u.id = p.user_id) e";

    private final Sql sql;

    public RoomEventRepository(Sql sql) {
        this.sql = sql;
    }

    /** A page of events, by time ({@code ASC} or {@code DESC}). */
    public List<RoomEvent> page(SqlFilter where, String direction, int limit, int offset) {
        String dir = "ASC".equals(direction) ? "ASC" : "DESC";
        return sql.query("SELECT type, room_id, room_name, user_id, user_name, ts FROM " + EVENTS + where.clause()
                + " ORDER BY ts " + dir + ", type, room_id, user_id LIMIT " + limit + " OFFSET " + offset,
                rs -> new RoomEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6)), where.params());
    }

    public long count(SqlFilter where) {
        return sql.queryLong("SELECT COUNT(*) FROM " + EVENTS + where.clause(), where.params());
    }
}
