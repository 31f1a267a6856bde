-- Keys that let a training loop (OpenRLHF's --remote_rm_url) score with one reward model, and nothing else.
CREATE TABLE reward_serving_keys (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reward_model_id BIGINT      NOT NULL REFERENCES reward_models (id),
    -- SHA-256 of the key: keys carry 256 random bits, so a fast hash is safe and allows lookup.
    key_hash        TEXT        NOT NULL UNIQUE,
    -- The key's first characters, to tell keys apart on the page; not enough to guess it.
    key_prefix      TEXT        NOT NULL,
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at      TIMESTAMPTZ
);
CREATE INDEX reward_serving_keys_model ON reward_serving_keys (reward_model_id, id DESC);
