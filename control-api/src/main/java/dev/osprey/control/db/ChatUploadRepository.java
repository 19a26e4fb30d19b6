package dev.osprey.control.db;

import java.util.UUID;

/** Records chat attachments in {@code chat_uploads} and sums them for the upload quotas. */
public final class ChatUploadRepository {

    private final Sql sql;

    public ChatUploadRepository(Sql sql) {
        this.sql = sql;
    }

    public void record(String roomId, String userId, String hash, String extension, long size, String backend,
                       long now) {
        sql.update("INSERT INTO chat_uploads (id, room_id, uploaded_by, file_hash, extension, file_size,"
                + " storage_backend, created_at) VALUES (?,?,?,?,?,?,?,?)", UUID.randomUUID().toString(), roomId,
                userId, hash, extension, size, backend, now);
    }

    /** Bytes a user has stored (what counts against the per-user quota). */
    public long bytesOf(String userId) {
        return sql.queryLong("SELECT COALESCE(SUM(file_size), 0) FROM chat_uploads WHERE uploaded_by = ?", userId);
    }

    /** Bytes stored by everyone (what counts against the global threshold). */
    public long totalBytes() {
        return sql.queryLong("SELECT COALESCE(SUM(file_size), 0) FROM chat_uploads");
    }
}
