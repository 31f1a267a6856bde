-- The version of the project's guidelines a labeler was shown with a task (set when the task is leased,
-- and again when it is shown anew under newer guidelines), and the version a ranking was made under
-- (copied from its assignment on submission).
ALTER TABLE assignments ADD COLUMN guidelines_version INT NOT NULL DEFAULT 1 CHECK (guidelines_version >= 1);
ALTER TABLE rankings ADD COLUMN guidelines_version INT NOT NULL DEFAULT 1 CHECK (guidelines_version >= 1);

-- Rows made before this column existed: the version current when the lease began. Only the rows of
-- projects whose guidelines were edited differ from the default, so the others are not rewritten.
UPDATE assignments a
SET guidelines_version = (SELECT max(g.version) FROM project_guidelines g
                          WHERE g.project_id = a.project_id AND g.created_at <= a.leased_at)
WHERE EXISTS (SELECT 1 FROM project_guidelines g
              WHERE g.project_id = a.project_id AND g.version > 1 AND g.created_at <= a.leased_at);
-- Filling in the new column changes no stored value, so the append-only guard steps aside for it.
ALTER TABLE rankings DISABLE TRIGGER rankings_no_update_or_delete;
UPDATE rankings r SET guidelines_version = a.guidelines_version
FROM assignments a
WHERE a.id = r.assignment_id AND a.guidelines_version <> 1;
ALTER TABLE rankings ENABLE TRIGGER rankings_no_update_or_delete;

-- From now on every lease and every ranking names its version.
ALTER TABLE assignments ALTER COLUMN guidelines_version DROP DEFAULT;
ALTER TABLE rankings ALTER COLUMN guidelines_version DROP DEFAULT;
