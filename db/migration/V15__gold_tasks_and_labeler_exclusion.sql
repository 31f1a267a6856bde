-- Gold tasks and labeler exclusion (api.md 1.1).

-- A gold prompt's known ranking: tiers of its candidates' positions (0-based, the indices the import
-- record gave), best first, ties sorted: [[0], [1, 3], [2]]. NULL for every other prompt.
ALTER TABLE prompts
    ADD COLUMN gold JSONB CHECK (gold IS NULL OR jsonb_typeof(gold) = 'array');
CREATE INDEX prompts_gold ON prompts (project_id, id) WHERE gold IS NOT NULL;

-- A gold prompt's slot is handed out to every labeler (about gold_rate of their tasks) and never
-- completes: the walk of open prompts passes over gold slots through the index predicate, and gold
-- prompts are picked, fewest rankings first, from an index of their own.
ALTER TABLE prompt_slots
    ADD COLUMN gold BOOLEAN NOT NULL DEFAULT false;
DROP INDEX prompt_slots_open;
CREATE INDEX prompt_slots_open ON prompt_slots (project_id, rankings DESC, prompt_id) WHERE NOT complete AND NOT gold;
CREATE INDEX prompt_slots_gold ON prompt_slots (project_id, rankings, prompt_id) WHERE gold;

-- Labelers an admin took out of a project: their rankings stay stored but count nowhere (slots,
-- exports, consensus, agreement, training), and they get no more tasks there.
CREATE TABLE labeler_exclusions (
    project_id  BIGINT      NOT NULL REFERENCES projects (id),
    user_id     BIGINT      NOT NULL REFERENCES labelers (user_id),
    reason      TEXT        NOT NULL CHECK (length(trim(reason)) > 0),
    excluded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, user_id)
);
