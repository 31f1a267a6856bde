-- Project lifecycle (api.md 1.1): who may label a project, archiving, versioned guidelines, the share of
-- gold tasks, the order prompts are handed out in, and whether labelers may score with its reward model.
ALTER TABLE projects
    ADD COLUMN access             TEXT             NOT NULL DEFAULT 'all_labelers'
        CHECK (access IN ('all_labelers', 'members')),
    ADD COLUMN archived           BOOLEAN          NOT NULL DEFAULT false,
    ADD COLUMN guidelines_version INT              NOT NULL DEFAULT 1 CHECK (guidelines_version >= 1),
    ADD COLUMN gold_rate          DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (gold_rate >= 0 AND gold_rate <= 0.5),
    ADD COLUMN assignment_order   TEXT             NOT NULL DEFAULT 'completion'
        CHECK (assignment_order IN ('completion', 'uncertainty')),
    ADD COLUMN labelers_may_score BOOLEAN          NOT NULL DEFAULT false;

-- Every version of a project's guidelines, so that the version a ranking was made under can be read
-- back. The current one is also on projects (guidelines, guidelines_version).
CREATE TABLE project_guidelines (
    project_id BIGINT      NOT NULL REFERENCES projects (id),
    version    INT         NOT NULL CHECK (version >= 1),
    guidelines TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, version)
);
INSERT INTO project_guidelines (project_id, version, guidelines, created_at)
SELECT id, 1, guidelines, created_at FROM projects;

-- Labelers who may label a project whose access is 'members'.
CREATE TABLE project_members (
    project_id BIGINT      NOT NULL REFERENCES projects (id),
    user_id    BIGINT      NOT NULL REFERENCES users (id),
    added_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, user_id)
);
CREATE INDEX project_members_user ON project_members (user_id);
