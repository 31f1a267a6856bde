-- Labeling: who ranks which prompt (assignments with leases) and what they submitted (rankings).

-- One row per ready prompt: the labeling state the assignment engine walks. Kept here rather than
-- on prompts so that handing out a task touches only this module's rows, and so that the walk skips
-- complete prompts through a small partial index instead of counting rankings of the whole project.
CREATE TABLE prompt_slots (
    prompt_id  BIGINT  PRIMARY KEY REFERENCES prompts (id),
    project_id BIGINT  NOT NULL REFERENCES projects (id),
    -- Submitted rankings of the prompt.
    rankings   INT     NOT NULL DEFAULT 0 CHECK (rankings >= 0),
    -- Set when rankings reaches the project's rankings_per_prompt.
    complete   BOOLEAN NOT NULL DEFAULT false
);
-- The walk: prompts closest to completion first, then oldest.
CREATE INDEX prompt_slots_open ON prompt_slots (project_id, rankings DESC, prompt_id) WHERE NOT complete;
CREATE INDEX prompt_slots_complete ON prompt_slots (project_id) WHERE complete;

-- A prompt gets its slot when it becomes ready (ready_at set), however it was stored: import, COPY or
-- generation. Statement-level with transition tables, so a bulk COPY costs one extra INSERT, not a
-- trigger call per row.
CREATE FUNCTION labeling_open_slots() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO prompt_slots (prompt_id, project_id)
    SELECT id, project_id FROM changed_prompts WHERE ready_at IS NOT NULL
    ON CONFLICT (prompt_id) DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER prompts_ready_on_insert AFTER INSERT ON prompts
    REFERENCING NEW TABLE AS changed_prompts
    FOR EACH STATEMENT EXECUTE FUNCTION labeling_open_slots();
CREATE TRIGGER prompts_ready_on_update AFTER UPDATE ON prompts
    REFERENCING NEW TABLE AS changed_prompts
    FOR EACH STATEMENT EXECUTE FUNCTION labeling_open_slots();

INSERT INTO prompt_slots (prompt_id, project_id)
SELECT id, project_id FROM prompts WHERE ready_at IS NOT NULL;

-- A prompt handed to a user. OPEN while leased (the lease may have run out: lease_expires_at tells),
-- SUBMITTED once ranked, SKIPPED when the user passed, EXPIRED when the lease ran out and the user
-- moved on to another prompt (an EXPIRED assignment may still be ranked while the prompt has room).
CREATE TABLE assignments (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id       BIGINT      NOT NULL REFERENCES projects (id),
    prompt_id        BIGINT      NOT NULL REFERENCES prompt_slots (prompt_id),
    user_id          BIGINT      NOT NULL REFERENCES users (id),
    -- The candidate ids in the order this user is shown them (shuffled per assignment).
    candidate_order  BIGINT[]    NOT NULL CHECK (cardinality(candidate_order) >= 2),
    status           TEXT        NOT NULL CHECK (status IN ('OPEN', 'SUBMITTED', 'SKIPPED', 'EXPIRED')),
    leased_at        TIMESTAMPTZ NOT NULL,
    lease_expires_at TIMESTAMPTZ NOT NULL,
    closed_at        TIMESTAMPTZ,
    -- A user never gets a prompt twice.
    UNIQUE (prompt_id, user_id)
);
-- At most one open lease per user and project: a second concurrent request cannot add another.
CREATE UNIQUE INDEX assignments_one_open_lease ON assignments (project_id, user_id) WHERE status = 'OPEN';
-- Live leases of a prompt, counted on every hand-out.
CREATE INDEX assignments_open_by_prompt ON assignments (prompt_id, lease_expires_at) WHERE status = 'OPEN';
CREATE INDEX assignments_user ON assignments (user_id, project_id);

-- A stable pseudonym per labeler for exports, so that data sets never carry usernames.
CREATE TABLE labelers (
    user_id    BIGINT      PRIMARY KEY REFERENCES users (id),
    pseudonym  UUID        NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Submitted rankings: append-only (see the trigger below).
CREATE TABLE rankings (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    assignment_id   BIGINT           NOT NULL UNIQUE REFERENCES assignments (id),
    project_id      BIGINT           NOT NULL REFERENCES projects (id),
    prompt_id       BIGINT           NOT NULL REFERENCES prompts (id),
    user_id         BIGINT           NOT NULL REFERENCES labelers (user_id),
    -- Tiers best first, each a JSON array of candidate ids as numbers: [[12], [14, 13], [15]];
    -- a tier of two or more is a tie. NULL only for a not-rankable verdict sent without a ranking.
    tiers           JSONB,
    -- {"<candidate id>": 1..7} when the project collects scores.
    scores          JSONB,
    not_rankable    BOOLEAN          NOT NULL,
    comment         TEXT,
    -- The order the candidates were shown in (position-bias analysis).
    presented_order BIGINT[]         NOT NULL,
    -- From the start of the lease to the submission.
    seconds_on_task DOUBLE PRECISION NOT NULL CHECK (seconds_on_task >= 0),
    -- SHA-256 of the normalised body: the same body again is answered with this ranking.
    body_sha256     TEXT             NOT NULL,
    created_at      TIMESTAMPTZ      NOT NULL DEFAULT now(),
    CHECK (tiers IS NOT NULL OR not_rankable),
    CHECK (tiers IS NULL OR jsonb_typeof(tiers) = 'array'),
    CHECK (scores IS NULL OR jsonb_typeof(scores) = 'object')
);
CREATE INDEX rankings_project ON rankings (project_id, created_at, id);
CREATE INDEX rankings_prompt ON rankings (prompt_id);
CREATE INDEX rankings_user ON rankings (user_id, project_id);

CREATE FUNCTION rankings_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'rankings are append-only: % is not allowed', TG_OP
        USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER rankings_no_update_or_delete BEFORE UPDATE OR DELETE ON rankings
    FOR EACH ROW EXECUTE FUNCTION rankings_are_append_only();
CREATE TRIGGER rankings_no_truncate BEFORE TRUNCATE ON rankings
    FOR EACH STATEMENT EXECUTE FUNCTION rankings_are_append_only();
