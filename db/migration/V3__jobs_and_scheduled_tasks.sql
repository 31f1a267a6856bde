-- Background jobs (candidate generation now, training later) and the db-scheduler queue that runs them.

-- db-scheduler's own table, as its documentation gives it for PostgreSQL (version 16). One row per job
-- while it is queued or running: the row is deleted when the job ends, and with it the job's secret
-- (an API key) kept in task_data.
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- What users see of a job. Never holds secrets: parameters are what the job was asked to do, without keys.
CREATE TABLE jobs (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type             TEXT        NOT NULL CHECK (length(trim(type)) > 0),
    project_id       BIGINT REFERENCES projects (id),
    status           TEXT        NOT NULL DEFAULT 'QUEUED'
        CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    progress         DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 1),
    message          TEXT,
    parameters       JSONB       NOT NULL DEFAULT '{}',
    -- Figures the job reports while it runs (counts); the job type decides what they are.
    details          JSONB       NOT NULL DEFAULT '{}',
    cancel_requested BOOLEAN     NOT NULL DEFAULT false,
    -- How many times a worker started it: more than one after a worker died or the app was stopped.
    attempts         INT         NOT NULL DEFAULT 0,
    -- Jobs with the same key never run side by side (e.g. two generations for the same project's prompts).
    exclusive_key    TEXT,
    created_by       BIGINT REFERENCES users (id),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at       TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ,
    -- Last sign of life of the worker running it.
    heartbeat        TIMESTAMPTZ,
    CHECK ((status IN ('SUCCEEDED', 'FAILED', 'CANCELLED')) = (finished_at IS NOT NULL))
);
CREATE INDEX jobs_project ON jobs (project_id, type, id);
CREATE INDEX jobs_active ON jobs (status) WHERE status IN ('QUEUED', 'RUNNING');
CREATE UNIQUE INDEX jobs_exclusive ON jobs (exclusive_key) WHERE status IN ('QUEUED', 'RUNNING');
