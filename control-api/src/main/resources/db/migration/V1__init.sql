-- Osprey control API schema: one script for SQLite and PostgreSQL (portable types only).
-- Timestamps are Unix epoch milliseconds (BIGINT), booleans are BOOLEAN, lists are PostgreSQL-array literals
-- such as {user,superadmin} in TEXT, as Bedrud stores accesses.

CREATE TABLE users (
    id                   VARCHAR(64)   NOT NULL PRIMARY KEY,
    email                VARCHAR(320)  NOT NULL,
    name                 VARCHAR(255)  NOT NULL,
    provider             VARCHAR(32)   NOT NULL,
    avatar_url           VARCHAR(1024) NOT NULL DEFAULT '',
    password_hash        VARCHAR(128),
    refresh_token_hash   VARCHAR(64),
    accesses             VARCHAR(255)  NOT NULL,
    is_active            BOOLEAN       NOT NULL DEFAULT TRUE,
    email_verified_at    BIGINT,
    password_changed_at  BIGINT,
    verification_sent_at BIGINT,
    created_at           BIGINT        NOT NULL,
    updated_at           BIGINT        NOT NULL
);
CREATE UNIQUE INDEX idx_users_email_provider ON users (email, provider);

CREATE TABLE rooms (
    id                 VARCHAR(36) NOT NULL PRIMARY KEY,
    name               VARCHAR(63) NOT NULL,
    created_by         VARCHAR(64) NOT NULL,
    admin_id           VARCHAR(64) NOT NULL,
    is_active          BOOLEAN     NOT NULL,
    is_public          BOOLEAN     NOT NULL,
    is_suspended       BOOLEAN     NOT NULL DEFAULT FALSE,
    deletion_pending   BOOLEAN     NOT NULL DEFAULT FALSE,
    max_participants   INTEGER     NOT NULL,
    mode               VARCHAR(16) NOT NULL,
    allow_chat         BOOLEAN     NOT NULL,
    allow_video        BOOLEAN     NOT NULL,
    allow_audio        BOOLEAN     NOT NULL,
    require_approval   BOOLEAN     NOT NULL,
    e2ee               BOOLEAN     NOT NULL,
    is_persistent      BOOLEAN     NOT NULL,
    recordings_allowed BOOLEAN     NOT NULL,
    created_at         BIGINT      NOT NULL,
    updated_at         BIGINT      NOT NULL,
    expires_at         BIGINT      NOT NULL,
    last_activity_at   BIGINT      NOT NULL,
    deleted_at         BIGINT
);
CREATE INDEX idx_rooms_name ON rooms (name);
CREATE INDEX idx_rooms_created_by ON rooms (created_by);

CREATE TABLE room_participants (
    id           VARCHAR(36) NOT NULL PRIMARY KEY,
    room_id      VARCHAR(36) NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    user_id      VARCHAR(64) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    joined_at    BIGINT      NOT NULL,
    left_at      BIGINT,
    is_active    BOOLEAN     NOT NULL,
    is_approved  BOOLEAN     NOT NULL,
    is_banned    BOOLEAN     NOT NULL DEFAULT FALSE,
    is_moderator BOOLEAN     NOT NULL DEFAULT FALSE,
    is_on_stage  BOOLEAN     NOT NULL DEFAULT FALSE,
    is_chat_blocked BOOLEAN  NOT NULL DEFAULT FALSE
);
CREATE UNIQUE INDEX idx_room_participants_pair ON room_participants (room_id, user_id);
CREATE INDEX idx_room_participants_user ON room_participants (user_id);

CREATE TABLE blocked_refresh_tokens (
    token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    user_id    VARCHAR(64) NOT NULL,
    expires_at BIGINT      NOT NULL
);

CREATE TABLE blocked_access_tokens (
    token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    expires_at BIGINT      NOT NULL
);

CREATE TABLE invite_tokens (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    token      VARCHAR(64)  NOT NULL UNIQUE,
    email      VARCHAR(320) NOT NULL DEFAULT '',
    created_by VARCHAR(64)  NOT NULL,
    expires_at BIGINT       NOT NULL,
    used_at    BIGINT,
    used_by    VARCHAR(64),
    created_at BIGINT       NOT NULL
);

CREATE TABLE user_preferences (
    user_id          VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    preferences_json TEXT        NOT NULL,
    updated_at       BIGINT      NOT NULL
);

CREATE TABLE system_settings (
    setting_key   VARCHAR(64) NOT NULL PRIMARY KEY,
    setting_value TEXT        NOT NULL
);

CREATE TABLE webhooks (
    id         VARCHAR(36)   NOT NULL PRIMARY KEY,
    name       VARCHAR(255)  NOT NULL,
    url        VARCHAR(2048) NOT NULL,
    events     VARCHAR(1024) NOT NULL,
    secret     VARCHAR(128)  NOT NULL,
    is_active  BOOLEAN       NOT NULL,
    created_by VARCHAR(64)   NOT NULL,
    created_at BIGINT        NOT NULL,
    updated_at BIGINT        NOT NULL
);
