package dev.osprey.control.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Reads and writes {@code users}. */
public final class UserRepository {

    static final String COLUMNS = "id, email, name, provider, avatar_url, password_hash, refresh_token_hash, accesses,"
            + " is_active, email_verified_at, password_changed_at, verification_sent_at, created_at, updated_at";

    private final Sql sql;

    public UserRepository(Sql sql) {
        this.sql = sql;
    }

    static User map(ResultSet rs) throws SQLException {
        return new User(rs.getString("id"), rs.getString("email"), rs.getString("name"), rs.getString("provider"),
                rs.getString("avatar_url"), rs.getString("password_hash"), rs.getString("refresh_token_hash"),
                Accesses.decode(rs.getString("accesses")), rs.getBoolean("is_active"),
                Sql.nullableLong(rs, "email_verified_at"), Sql.nullableLong(rs, "password_changed_at"),
                Sql.nullableLong(rs, "verification_sent_at"), rs.getLong("created_at"), rs.getLong("updated_at"));
    }

    public void insert(User u) {
        sql.update("INSERT INTO users (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", u.id(), u.email(),
                u.name(), u.provider(), u.avatarUrl(), u.passwordHash(), u.refreshTokenHash(),
                Accesses.encode(u.accesses()), u.active(), u.emailVerifiedAt(), u.passwordChangedAt(),
                u.verificationSentAt(), u.createdAt(), u.updatedAt());
    }

    /** Inserts or, for a known id, refreshes name and activity of a guest row (guest-join keeps its identity). */
    public void upsertGuest(User u) {
        if (findById(u.id()).isPresent()) {
            sql.update("UPDATE users SET name = ?, updated_at = ? WHERE id = ?", u.name(), u.updatedAt(), u.id());
        } else {
            insert(u);
        }
    }

    public Optional<User> findById(String id) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM users WHERE id = ?", UserRepository::map, id);
    }

    public Optional<User> findByEmailAndProvider(String email, String provider) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM users WHERE email = ? AND provider = ?", UserRepository::map,
                email, provider);
    }

    public List<User> findByEmail(String email) {
        return sql.query("SELECT " + COLUMNS + " FROM users WHERE email = ? ORDER BY created_at", UserRepository::map,
                email);
    }

    public List<User> findByIds(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        return sql.query("SELECT " + COLUMNS + " FROM users WHERE id IN (" + marks + ")", UserRepository::map,
                ids.toArray());
    }

    public List<String> inactiveUserIds() {
        return sql.query("SELECT id FROM users WHERE is_active = ?", rs -> rs.getString(1), false);
    }

    public void updateProfile(String id, String name, String email, Long emailVerifiedAt, long now) {
        sql.update("UPDATE users SET name = ?, email = ?, email_verified_at = ?, updated_at = ? WHERE id = ?", name,
                email, emailVerifiedAt, now, id);
    }

    public void updateAvatar(String id, String avatarUrl, long now) {
        sql.update("UPDATE users SET avatar_url = ?, updated_at = ? WHERE id = ?", avatarUrl, now, id);
    }

    public void updatePassword(String id, String hash, long now) {
        sql.update("UPDATE users SET password_hash = ?, password_changed_at = ?, updated_at = ? WHERE id = ?", hash,
                now, now, id);
    }

    public void setRefreshTokenHash(String id, String hash) {
        sql.update("UPDATE users SET refresh_token_hash = ? WHERE id = ?", hash, id);
    }

    /** Atomic rotation: succeeds only while {@code expected} is still the stored hash. */
    public boolean rotateRefreshTokenHash(String id, String expected, String replacement) {
        return sql.update("UPDATE users SET refresh_token_hash = ? WHERE id = ? AND refresh_token_hash = ?",
                replacement, id, expected) == 1;
    }

    public void setActive(String id, boolean active, long now) {
        sql.update("UPDATE users SET is_active = ?, updated_at = ? WHERE id = ?", active, now, id);
    }

    public void setAccesses(String id, List<String> accesses, long now) {
        sql.update("UPDATE users SET accesses = ?, refresh_token_hash = NULL, updated_at = ? WHERE id = ?",
                Accesses.encode(accesses), now, id);
    }

    public void markVerified(String id, long now) {
        sql.update("UPDATE users SET email_verified_at = ?, updated_at = ? WHERE id = ?", now, now, id);
    }

    public void setVerificationSentAt(String id, long now) {
        sql.update("UPDATE users SET verification_sent_at = ? WHERE id = ?", now, id);
    }

    public void delete(String id) {
        sql.update("DELETE FROM users WHERE id = ?", id);
    }

    /** Users holding {@code superadmin} that are active (the last one may not be demoted, deactivated or deleted). */
    public long countActiveSuperadmins() {
        return sql.queryLong("SELECT COUNT(*) FROM users WHERE is_active = ? AND accesses LIKE ?", true,
                "%superadmin%");
    }

    public long count() {
        return sql.queryLong("SELECT COUNT(*) FROM users");
    }

    /** A filtered, paged page of users; {@code where} holds SQL conditions with their parameters. */
    public List<User> page(SqlFilter where, String orderBy, int limit, int offset) {
        return sql.query("SELECT " + COLUMNS + " FROM users" + where.clause() + " ORDER BY " + orderBy
                + " LIMIT " + limit + " OFFSET " + offset, UserRepository::map, where.params());
    }

    public long count(SqlFilter where) {
        return sql.queryLong("SELECT COUNT(*) FROM users" + where.clause(), where.params());
    }

    /** Guests created before {@code cutoff} (deleted by the cleanup job). */
    public int deleteGuestsCreatedBefore(long cutoff) {
        return sql.update("DELETE FROM users WHERE provider = ? AND created_at < ?", User.PROVIDER_GUEST, cutoff);
    }
}
