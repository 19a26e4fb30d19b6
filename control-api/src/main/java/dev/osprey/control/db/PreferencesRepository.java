package dev.osprey.control.db;

import java.util.Optional;

/** Reads and writes {@code user_preferences}: one opaque JSON object per user. */
public final class PreferencesRepository {

    private final Sql sql;

    public PreferencesRepository(Sql sql) {
        this.sql = sql;
    }

    public Optional<String> find(String userId) {
        return sql.queryOne("SELECT preferences_json FROM user_preferences WHERE user_id = ?", rs -> rs.getString(1),
                userId);
    }

    public void save(String userId, String json, long now) {
        int updated = sql.update("UPDATE user_preferences SET preferences_json = ?, updated_at = ? WHERE user_id = ?",
                json, now, userId);
        if (updated == 0) {
            sql.update("INSERT INTO user_preferences (user_id, preferences_json, updated_at) VALUES (?,?,?)", userId,
                    json, now);
        }
    }
}
