package dev.osprey.control.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Reads and writes {@code webhooks}. */
public final class WebhookRepository {

    private static final String COLUMNS = "id, name, url, events, secret, is_active, created_by, created_at, updated_at";

    private final Sql sql;

    public WebhookRepository(Sql sql) {
        this.sql = sql;
    }

    private static Webhook map(ResultSet rs) throws SQLException {
        return new Webhook(rs.getString("id"), rs.getString("name"), rs.getString("url"),
                Accesses.decode(rs.getString("events")), rs.getString("secret"), rs.getBoolean("is_active"),
                rs.getString("created_by"), rs.getLong("created_at"), rs.getLong("updated_at"));
    }

    public void insert(Webhook w) {
        sql.update("INSERT INTO webhooks (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?)", w.id(), w.name(), w.url(),
                Accesses.encode(w.events()), w.secret(), w.active(), w.createdBy(), w.createdAt(), w.updatedAt());
    }

    public void update(Webhook w) {
        sql.update("UPDATE webhooks SET name = ?, url = ?, events = ?, secret = ?, is_active = ?, updated_at = ?"
                + " WHERE id = ?", w.name(), w.url(), Accesses.encode(w.events()), w.secret(), w.active(),
                w.updatedAt(), w.id());
    }

    public Optional<Webhook> findById(String id) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM webhooks WHERE id = ?", WebhookRepository::map, id);
    }

    public List<Webhook> list(int limit, int offset) {
        return sql.query("SELECT " + COLUMNS + " FROM webhooks ORDER BY created_at DESC LIMIT " + limit + " OFFSET "
                + offset, WebhookRepository::map);
    }

    public long count() {
        return sql.queryLong("SELECT COUNT(*) FROM webhooks");
    }

    public List<Webhook> activeFor(String event) {
        return sql.query("SELECT " + COLUMNS + " FROM webhooks WHERE is_active = ?", WebhookRepository::map, true)
                .stream().filter(w -> w.events().contains(event)).toList();
    }

    public boolean delete(String id) {
        return sql.update("DELETE FROM webhooks WHERE id = ?", id) == 1;
    }
}
