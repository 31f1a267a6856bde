-- Loads the public preference data (read by run.sh into bench_raw_hh and bench_raw_oasst) as ready
-- prompts with candidates into project :project, :copies times over. Plain SQL on purpose: the
-- benchmark measures labeling, and must not depend on the import endpoint.
\set ON_ERROR_STOP on
BEGIN;

-- HH-RLHF: the conversation up to the last assistant turn is the prompt; the chosen and the rejected
-- last turns are the two candidates.
CREATE TEMP TABLE hh AS
SELECT n, (regexp_match(chosen, '^(.*)\n\nAssistant:'))[1] AS prompt,
       (regexp_match(chosen, '.*\n\nAssistant:(.*)$'))[1] AS first,
       (regexp_match(rejected, '.*\n\nAssistant:(.*)$'))[1] AS second
FROM (SELECT row_number() OVER () AS n, line::jsonb ->> 'chosen' AS chosen, line::jsonb ->> 'rejected' AS rejected
      FROM bench_raw_hh) rows;
DELETE FROM hh WHERE prompt IS NULL OR trim(first) = '' OR trim(second) = '' OR trim(first) = trim(second)
                  OR trim(prompt) = '';

-- OpenAssistant: each first prompt with its 2 to 9 replies.
CREATE TEMP TABLE oasst AS
SELECT row_number() OVER () AS n, tree -> 'prompt' ->> 'text' AS prompt,
       ARRAY(SELECT r ->> 'text' FROM jsonb_array_elements(tree -> 'prompt' -> 'replies') r LIMIT 9) AS replies
FROM (SELECT line::jsonb AS tree FROM bench_raw_oasst) trees
WHERE jsonb_array_length(tree -> 'prompt' -> 'replies') >= 2;

INSERT INTO prompts (project_id, external_id, text, ready_at)
SELECT :project, 'hh-' || n || '-' || copy, trim(prompt), now() FROM hh, generate_series(1, :copies) copy
UNION ALL
SELECT :project, 'oasst-' || n || '-' || copy, prompt, now() FROM oasst, generate_series(1, :copies) copy;

INSERT INTO candidates (prompt_id, position, text, model)
SELECT p.id, c.position, c.text, 'hh-rlhf'
FROM prompts p
JOIN hh ON hh.n = split_part(p.external_id, '-', 2)::bigint
CROSS JOIN LATERAL (VALUES (0, trim(hh.first)), (1, trim(hh.second))) c(position, text)
WHERE p.project_id = :project AND p.external_id LIKE 'hh-%';

INSERT INTO candidates (prompt_id, position, text, model)
SELECT p.id, r.position - 1, r.text, 'oasst'
FROM prompts p
JOIN oasst ON oasst.n = split_part(p.external_id, '-', 2)::bigint
CROSS JOIN LATERAL unnest(oasst.replies) WITH ORDINALITY r(text, position)
WHERE p.project_id = :project AND p.external_id LIKE 'oasst-%';

-- Each ready prompt's labeling slot, as the app's labeling module opens it when prompts become ready.
INSERT INTO prompt_slots (prompt_id, project_id)
SELECT id, project_id FROM prompts WHERE project_id = :project AND ready_at IS NOT NULL
ON CONFLICT (prompt_id) DO NOTHING;

COMMIT;
ANALYZE prompts;
ANALYZE candidates;
ANALYZE prompt_slots;
SELECT count(*) AS prompts, (SELECT count(*) FROM candidates c JOIN prompts p ON p.id = c.prompt_id
                              WHERE p.project_id = :project) AS candidates
FROM prompts WHERE project_id = :project;
