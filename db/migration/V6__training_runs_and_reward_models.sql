-- Reward model training: one row per training run (run by a background job) and the models they produce.

-- A training run. Its job (jobs.id) does the work; status mirrors the job's status (the job is the source of
-- truth: the jobs infrastructure revives or fails runs whose worker died) and is written here as the run moves.
CREATE TABLE training_runs (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id      BIGINT      NOT NULL REFERENCES projects (id),
    job_id          BIGINT      UNIQUE REFERENCES jobs (id),
    status          TEXT        NOT NULL DEFAULT 'QUEUED'
        CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    objective       TEXT        NOT NULL CHECK (objective IN ('rank', 'direct_score')),
    architecture    TEXT        NOT NULL,
    -- Where the rankings come from: 'rankings' (every submitted ranking) or 'consensus' (one per prompt).
    source          TEXT        NOT NULL CHECK (source IN ('rankings', 'consensus')),
    -- The settings as requested, defaults filled in: epochs, learning_rate, batch_size, validation_fraction, seed.
    settings        JSONB       NOT NULL,
    -- One object per finished epoch: {"epoch", "train_loss", "val_loss", "val_accuracy"}, written as they come.
    metrics         JSONB       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(metrics) = 'array'),
    error           TEXT,
    reward_model_id BIGINT,
    created_by      BIGINT      REFERENCES users (id),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at      TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ
);
CREATE INDEX training_runs_project ON training_runs (project_id, id);

-- A trained reward model. The artifact (a zip: config.json, vocabulary.txt, weights.safetensors) lives in the
-- database so that every app instance can serve and score it.
CREATE TABLE reward_models (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id         BIGINT           NOT NULL REFERENCES projects (id),
    training_run_id    BIGINT           NOT NULL UNIQUE REFERENCES training_runs (id),
    architecture       TEXT             NOT NULL,
    objective          TEXT             NOT NULL,
    -- The last epoch's figures plus counts: {"epochs", "train_loss", "val_loss", "val_accuracy",
    -- "training_prompts", "validation_prompts", "training_pairs", "training_millis"}.
    metrics            JSONB            NOT NULL,
    reward_mean        DOUBLE PRECISION NOT NULL,
    reward_std         DOUBLE PRECISION NOT NULL,
    artifact           BYTEA            NOT NULL,
    artifact_bytes     INT              NOT NULL,
    created_at         TIMESTAMPTZ      NOT NULL DEFAULT now()
);
-- The project's newest model first.
CREATE INDEX reward_models_project ON reward_models (project_id, id DESC);

ALTER TABLE training_runs
    ADD CONSTRAINT training_runs_reward_model FOREIGN KEY (reward_model_id) REFERENCES reward_models (id);
