package dev.osprey.control.db;

import java.util.List;

/**
 * Revoked tokens by SHA-256 hex: {@code blocked_refresh_tokens} (rotated or logged-out refresh tokens, which makes
 * reuse detectable) and {@code blocked_access_tokens} (logout, password or e-mail change), each kept until expiry.
 */
public final class BlockedTokenRepository {

    private final Sql sql;

    public BlockedTokenRepository(Sql sql) {
        this.sql = sql;
    }

    public void blockRefresh(String hash, String userId, long expiresAt) {
        if (!isRefreshBlocked(hash)) {
            sql.update("INSERT INTO blocked_refresh_tokens (token_hash, user_id, expires_at) VALUES (?,?,?)", hash,
                    userId, expiresAt);
        }
    }

    public boolean isRefreshBlocked(String hash) {
        return sql.queryLong("SELECT COUNT(*) FROM blocked_refresh_tokens WHERE token_hash = ?", hash) > 0;
    }

    public void blockAccess(String hash, long expiresAt) {
        if (sql.queryLong("SELECT COUNT(*) FROM blocked_access_tokens WHERE token_hash = ?", hash) == 0) {
            sql.update("INSERT INTO blocked_access_tokens (token_hash, expires_at) VALUES (?,?)", hash, expiresAt);
        }
    }

    /** Access-token hashes still blocked at {@code now} (loaded into memory at boot). */
    public List<String> activeAccessBlocks(long now) {
        return sql.query("SELECT token_hash FROM blocked_access_tokens WHERE expires_at > ?", rs -> rs.getString(1),
                now);
    }

    /** Drops entries whose token would be rejected as expired anyway. */
    public int prune(long now) {
        return sql.update("DELETE FROM blocked_refresh_tokens WHERE expires_at < ?", now)
                + sql.update("DELETE FROM blocked_access_tokens WHERE expires_at < ?", now);
    }
}
