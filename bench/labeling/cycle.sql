-- One task cycle as the app runs it, statement for statement (captured with pg_stat_statements from
-- the running app: POST /tasks/next, then POST /assignments/{id}/ranking, both with a Bearer token).
-- Keep in step with labeling/Assignments.java, labeling/Rankings.java, webhook/WebhookStore.java and the token, project and
-- membership look-ups (both projects of the benchmark are for members only).
-- Variables from run.sh: project, first_user, per_prompt, lease_seconds, token_hash.
\set user_id :first_user + :client_id
\set prompt_id 0
\set id 0

-- POST /api/v1/projects/{id}/tasks/next
-- Bearer token authentication.
WITH owner AS (
    SELECT t.id AS token_id, u.id, u.username, u.role, u.session_epoch
    FROM access_tokens t JOIN users u ON u.id = t.user_id
    WHERE t.token_hash = :token_hash AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())
      AND u.disabled_at IS NULL
), touched AS (
    UPDATE access_tokens SET last_used_at = now()
    WHERE id = (SELECT token_id FROM owner)
      AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
)
SELECT id, username, role, session_epoch FROM owner;
-- (The project's settings come from a cache of a few seconds: no statement.)
-- The caller may label the project: the project is for members only.
SELECT EXISTS (SELECT 1 FROM project_members WHERE project_id = :project AND user_id = :user_id);
-- The lease: own open lease, pick a prompt, lease it, read its texts.
BEGIN;
SELECT id, project_id, prompt_id, user_id, candidate_order, status, leased_at, lease_expires_at,
       lease_expires_at > now() AS live, guidelines_version
FROM assignments WHERE project_id = :project AND user_id = :user_id AND status = 'OPEN';
SELECT s.prompt_id FROM prompt_slots s
WHERE s.project_id = :project AND NOT s.complete AND NOT s.gold
  AND NOT EXISTS (SELECT 1 FROM labeler_exclusions x WHERE x.project_id = :project AND x.user_id = :user_id)
  AND NOT EXISTS (SELECT 1 FROM assignments mine WHERE mine.prompt_id = s.prompt_id AND mine.user_id = :user_id)
  AND s.rankings + (SELECT count(*) FROM assignments o
              WHERE o.prompt_id = s.prompt_id AND o.status = 'OPEN' AND o.lease_expires_at > now()
                AND o.id <> 0) < :per_prompt
ORDER BY s.rankings DESC, s.prompt_id
LIMIT 1
FOR UPDATE OF s SKIP LOCKED
\aset
INSERT INTO assignments (project_id, prompt_id, user_id, candidate_order, status, leased_at, lease_expires_at,
                         guidelines_version)
SELECT s.project_id, s.prompt_id, :user_id,
       (SELECT array_agg(c.id ORDER BY random()) FROM candidates c WHERE c.prompt_id = s.prompt_id),
       'OPEN', now(), now() + make_interval(secs => :lease_seconds), 1
FROM prompt_slots s
WHERE s.prompt_id = :prompt_id AND NOT s.complete
  AND NOT EXISTS (SELECT 1 FROM assignments mine WHERE mine.prompt_id = s.prompt_id AND mine.user_id = :user_id)
  AND s.rankings + (SELECT count(*) FROM assignments o
              WHERE o.prompt_id = s.prompt_id AND o.status = 'OPEN' AND o.lease_expires_at > now()
                AND o.id <> 0) < :per_prompt
RETURNING id, project_id, prompt_id, user_id, candidate_order, status, leased_at, lease_expires_at,
          lease_expires_at > now() AS live, guidelines_version
\aset
SELECT p.text AS prompt, c.id, c.text FROM prompts p JOIN candidates c ON c.prompt_id = p.id
WHERE p.id = :prompt_id;
COMMIT;

-- POST /api/v1/assignments/{id}/ranking
WITH owner AS (
    SELECT t.id AS token_id, u.id, u.username, u.role, u.session_epoch
    FROM access_tokens t JOIN users u ON u.id = t.user_id
    WHERE t.token_hash = :token_hash AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())
      AND u.disabled_at IS NULL
), touched AS (
    UPDATE access_tokens SET last_used_at = now()
    WHERE id = (SELECT token_id FROM owner)
      AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
)
SELECT id, username, role, session_epoch FROM owner;
-- Whose assignment, which candidates, may the caller label its project (checked before any lock),
-- then the state under its lock.
SELECT id, project_id, prompt_id, user_id, candidate_order, status, leased_at, lease_expires_at,
       lease_expires_at > now() AS live, guidelines_version
FROM assignments WHERE id = :id;
SELECT EXISTS (SELECT 1 FROM project_members WHERE project_id = :project AND user_id = :user_id);
BEGIN;
SELECT id, project_id, prompt_id, user_id, candidate_order, status, leased_at, lease_expires_at,
       lease_expires_at > now() AS live, guidelines_version
FROM assignments WHERE id = :id FOR UPDATE;
WITH labeler AS (
    INSERT INTO labelers (user_id) VALUES (:user_id) ON CONFLICT (user_id) DO NOTHING
), submitted AS (
    UPDATE assignments SET status = 'SUBMITTED', closed_at = now() WHERE id = :id
), counted AS (
    UPDATE prompt_slots s
    SET rankings = s.rankings + 1, complete = NOT s.gold AND s.rankings + 1 >= p.rankings_per_prompt
    FROM projects p
    WHERE s.prompt_id = :prompt_id AND p.id = s.project_id
      AND NOT EXISTS (SELECT 1 FROM labeler_exclusions x
                      WHERE x.project_id = s.project_id AND x.user_id = :user_id)
    RETURNING s.complete AND s.rankings = p.rankings_per_prompt AS completed_now
)
INSERT INTO rankings (assignment_id, project_id, prompt_id, user_id, tiers, scores, not_rankable,
                      comment, presented_order, seconds_on_task, body_sha256, guidelines_version)
SELECT a.id, a.project_id, a.prompt_id, a.user_id, CAST('[[1], [2], [3]]' AS jsonb), CAST(NULL AS jsonb),
       false, NULL, a.candidate_order, greatest(0, extract(epoch FROM now() - a.leased_at)),
       '0000000000000000000000000000000000000000000000000000000000000000', a.guidelines_version
FROM assignments a WHERE a.id = :id
RETURNING id, coalesce((SELECT completed_now FROM counted), false) AS completed_now;
-- The webhook outbox: a delivery for each hook that wants ranking.created (none in the benchmark).
INSERT INTO webhook_deliveries (webhook_id, message_id, event, payload, next_attempt_at)
SELECT id, 'msg_0', 'ranking.created', '{}', now() FROM webhooks
WHERE events @> ARRAY['ranking.created']::text[] AND (project_id IS NULL OR project_id = :project)
RETURNING id;
COMMIT;
