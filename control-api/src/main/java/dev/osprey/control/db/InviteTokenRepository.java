package dev.osprey.control.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Reads and writes {@code invite_tokens}. */
public final class InviteTokenRepository {

    private static final String COLUMNS = "id, token, email, created_by, expires_at, used_at, used_by, created_at";

    private final Sql sql;

    public InviteTokenRepository(Sql sql) {
        this.sql = sql;
    }

    private static InviteToken map(ResultSet rs) throws SQLException {
        return new InviteToken(rs.getString("id"), rs.getString("token"), rs.getString("email"),
                rs.getString("created_by"), rs.getLong("expires_at"), Sql.nullableLong(rs, "used_at"),
                rs.getString("used_by"), rs.getLong("created_at"));
    }

    public void insert(InviteToken t) {
        sql.update("INSERT INTO invite_tokens (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?)", t.id(), t.token(), t.email(),
                t.createdBy(), t.expiresAt(), t.usedAt(), t.usedBy(), t.createdAt());
    }

    public Optional<InviteToken> findByToken(String token) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM invite_tokens WHERE token = ?", InviteTokenRepository::map,
                token);
    }

    /** Consumes the token once; false when it was used (or expired) in the meantime. */
    public boolean consume(String token, String userId, long now) {
        return sql.update("UPDATE invite_tokens SET used_at = ?, used_by = ? WHERE token = ? AND used_at IS NULL"
                + " AND expires_at > ?", now, userId, token, now) == 1;
    }

    public List<InviteToken> list() {
        return sql.query("SELECT " + COLUMNS + " FROM invite_tokens ORDER BY created_at DESC",
                InviteTokenRepository::map);
    }

    public boolean delete(String id) {
        return sql.update("DELETE FROM invite_tokens WHERE id = ?", id) == 1;
    }
}
