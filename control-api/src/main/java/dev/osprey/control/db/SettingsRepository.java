package dev.osprey.control.db;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads and writes {@code system_settings}: admin overrides of configuration keys, each value a JSON text. */
public final class SettingsRepository {

    private final Sql sql;

    public SettingsRepository(Sql sql) {
        this.sql = sql;
    }

    public Map<String, String> all() {
        Map<String, String> out = new LinkedHashMap<>();
        sql.query("SELECT setting_key, setting_value FROM system_settings ORDER BY setting_key",
                rs -> out.put(rs.getString(1), rs.getString(2)));
        return out;
    }

    public void put(String key, String jsonValue) {
        int updated = sql.update("UPDATE system_settings SET setting_value = ? WHERE setting_key = ?", jsonValue, key);
        if (updated == 0) {
            sql.update("INSERT INTO system_settings (setting_key, setting_value) VALUES (?,?)", key, jsonValue);
        }
    }
}
