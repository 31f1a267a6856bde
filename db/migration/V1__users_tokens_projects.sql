CREATE TABLE users (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      TEXT        NOT NULL,
    password_hash TEXT        NOT NULL,
    role          TEXT        NOT NULL CHECK (role IN ('ADMIN', 'LABELER')),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- Usernames are compared case-insensitively, so "Alice" and "alice" cannot both exist.
CREATE UNIQUE INDEX users_username_key ON users (lower(username));

CREATE TABLE access_tokens (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      BIGINT      NOT NULL REFERENCES users (id),
    name         TEXT        NOT NULL,
    -- SHA-256 of the token: tokens carry 256 random bits, so a fast hash is safe and allows lookup.
    token_hash   TEXT        NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX access_tokens_user_id ON access_tokens (user_id);

CREATE TABLE projects (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                TEXT        NOT NULL CHECK (length(trim(name)) > 0),
    guidelines          TEXT,
    min_candidates      INT         NOT NULL,
    max_candidates      INT         NOT NULL,
    rankings_per_prompt INT         NOT NULL CHECK (rankings_per_prompt > 0),
    allow_ties          BOOLEAN     NOT NULL,
    collect_scores      BOOLEAN     NOT NULL,
    lease_seconds       INT         NOT NULL CHECK (lease_seconds > 0),
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (2 <= min_candidates AND min_candidates <= max_candidates AND max_candidates <= 9)
);
