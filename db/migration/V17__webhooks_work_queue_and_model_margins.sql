-- Issue 17: webhooks delivered through a queue of retried work, and the reward model's margin per open prompt.

-- jobs: a second db-scheduler queue (same layout as scheduled_tasks) for short work retried until it is done,
-- such as webhook deliveries, run on threads of its own so that long jobs never hold it up. One row per piece
-- of work while it waits or runs.
CREATE TABLE queued_work (
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
CREATE INDEX queued_work_execution_time ON queued_work (execution_time);
CREATE INDEX queued_work_last_heartbeat ON queued_work (last_heartbeat);
CREATE INDEX queued_work_priority_execution_time ON queued_work (priority DESC, execution_time ASC);

-- webhook: where events are sent. The signing secret is kept encrypted (AES-256-GCM with the job secret key);
-- it is shown once, when the hook is made.
CREATE TABLE webhooks (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url           TEXT        NOT NULL CHECK (length(url) BETWEEN 1 AND 2048),
    -- Event types: ranking.created, prompt.completed, project.completed, job.finished, training_run.finished.
    events        TEXT[]      NOT NULL CHECK (cardinality(events) >= 1),
    -- Only this project's events; NULL: every project's.
    project_id    BIGINT      REFERENCES projects (id),
    secret_sealed TEXT        NOT NULL,
    created_by    BIGINT      REFERENCES users (id),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX webhooks_events ON webhooks USING gin (events);

-- One event for one hook: the outbox row, written in the transaction of what happened, and its delivery log.
CREATE TABLE webhook_deliveries (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    webhook_id       BIGINT      NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    -- webhook-id: the event's id, the same on every try (the receiver's idempotency key).
    message_id       TEXT        NOT NULL,
    event            TEXT        NOT NULL,
    -- The exact body sent and signed.
    payload          TEXT        NOT NULL,
    status           TEXT        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         INT         NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ,
    last_attempt_at  TIMESTAMPTZ,
    -- The receiver's last HTTP status, or NULL when it could not be reached.
    last_status_code INT,
    last_error       TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    delivered_at     TIMESTAMPTZ
);
CREATE INDEX webhook_deliveries_hook ON webhook_deliveries (webhook_id, id DESC);

-- labeling: how sure the project's newest reward model is of each open prompt: the gap between the scores of its
-- two best candidates (NULL: not scored yet). Handing out by uncertainty walks the smallest first.
ALTER TABLE prompt_slots ADD COLUMN model_margin DOUBLE PRECISION;
CREATE INDEX prompt_slots_open_by_margin ON prompt_slots (project_id, model_margin ASC NULLS LAST, rankings DESC, prompt_id)
    WHERE NOT complete;
