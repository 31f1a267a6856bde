-- Rankings for about 1,000,000 preference pairs in project :project: :prompts prompts with four candidates
-- each, ranked fully (no ties: six pairs per ranking) by three labelers. 55,556 prompts x 3 x 6 = 1,000,008.
-- Texts carry a newline, quotes and non-ASCII letters so that both sides have escaping to do.
\set ON_ERROR_STOP on
BEGIN;
WITH p AS (
    INSERT INTO prompts (project_id, external_id, text, ready_at)
    SELECT :project, 'bench-' || g,
           'Prompt ' || g || E': explain "ranked pairs" to a reader who knows voting but not graphs.\n'
               || repeat('Context sentence about elections, ümlauts and ties. ', 3),
           now()
    FROM generate_series(1, :prompts) g
    RETURNING id
), slots AS (
    -- Each prompt's labeling slot, as the app's labeling module opens it when a prompt becomes ready.
    INSERT INTO prompt_slots (prompt_id, project_id) SELECT id, :project FROM p
)
INSERT INTO candidates (prompt_id, position, text, model)
SELECT p.id, k,
       'Answer ' || k || ' to prompt ' || p.id || E':\n"Ranked pairs" locks the strongest majorities first. '
           || repeat('It skips any edge that would close a cycle, naïvely or not. ', 7),
       'bench-model'
FROM p, generate_series(0, 3) k;

INSERT INTO users (username, password_hash, role)
SELECT 'bench-labeler-' || :project || '-' || g, 'not a hash: cannot sign in', 'LABELER' FROM generate_series(1, 20) g;
INSERT INTO labelers (user_id) SELECT id FROM users WHERE username LIKE 'bench-labeler-' || :project || '-%';

-- Three different labelers per prompt, each with their own shuffled order, submitted over the last 30 days.
INSERT INTO assignments (project_id, prompt_id, user_id, candidate_order, status, leased_at, lease_expires_at, closed_at,
                         guidelines_version)
SELECT :project, p.id, u.id,
       (SELECT array_agg(c.id ORDER BY random()) FROM candidates c WHERE c.prompt_id = p.id),
       'SUBMITTED', now(), now(), now(), 1
FROM prompts p
CROSS JOIN generate_series(0, 2) slot
JOIN users u ON u.username = 'bench-labeler-' || :project || '-' || ((p.id + slot * 7) % 20 + 1)
WHERE p.project_id = :project;

INSERT INTO rankings (assignment_id, project_id, prompt_id, user_id, tiers, not_rankable, presented_order,
                      seconds_on_task, body_sha256, created_at, guidelines_version)
SELECT a.id, a.project_id, a.prompt_id, a.user_id,
       (SELECT jsonb_agg(jsonb_build_array(id) ORDER BY n) FROM unnest(a.candidate_order) WITH ORDINALITY o(id, n)),
       false, a.candidate_order, 10 + random() * 90, 'bench', now() - random() * interval '30 days',
       a.guidelines_version
FROM assignments a WHERE a.project_id = :project ORDER BY a.prompt_id, a.user_id;

UPDATE prompt_slots SET rankings = 3, complete = true WHERE project_id = :project;
COMMIT;
ANALYZE;
