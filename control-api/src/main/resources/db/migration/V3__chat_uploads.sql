-- Chat attachments stored by this server (bedrud-api.md §4 chat_uploads): per-user quota and the global threshold
-- are sums over this table. Rows go with their room.
CREATE TABLE chat_uploads (
    id              VARCHAR(36) NOT NULL PRIMARY KEY,
    room_id         VARCHAR(36) NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    uploaded_by     VARCHAR(64) NOT NULL,
    file_hash       VARCHAR(64) NOT NULL,
    extension       VARCHAR(16) NOT NULL,
    file_size       BIGINT      NOT NULL,
    storage_backend VARCHAR(10) NOT NULL,
    created_at      BIGINT      NOT NULL
);
CREATE INDEX idx_chat_uploads_room ON chat_uploads (room_id);
CREATE INDEX idx_chat_uploads_user ON chat_uploads (uploaded_by);
