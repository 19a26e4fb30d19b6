-- Per-room rights of a user (bedrud-api.md §4): the creator's admin row is written when a room is created.
CREATE TABLE room_permissions (
    id                VARCHAR(36) NOT NULL PRIMARY KEY,
    room_id           VARCHAR(36) NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    user_id           VARCHAR(64) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    is_admin          BOOLEAN     NOT NULL,
    can_kick          BOOLEAN     NOT NULL,
    can_mute_audio    BOOLEAN     NOT NULL,
    can_disable_video BOOLEAN     NOT NULL,
    can_chat          BOOLEAN     NOT NULL,
    created_at        BIGINT      NOT NULL,
    updated_at        BIGINT      NOT NULL
);
CREATE UNIQUE INDEX idx_room_permissions_pair ON room_permissions (room_id, user_id);

-- The background job queue (e-mail delivery): status pending -> active -> done | failed, retried with back-off.
CREATE TABLE jobs (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    type         VARCHAR(64)   NOT NULL,
    payload      TEXT          NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    attempts     INTEGER       NOT NULL,
    max_attempts INTEGER       NOT NULL,
    last_error   VARCHAR(1024) NOT NULL DEFAULT '',
    run_at       BIGINT        NOT NULL,
    created_at   BIGINT        NOT NULL,
    updated_at   BIGINT        NOT NULL
);
CREATE INDEX idx_jobs_status_run_at ON jobs (status, run_at);
CREATE INDEX idx_jobs_updated_at ON jobs (updated_at);
