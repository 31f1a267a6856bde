-- Failed sign-ins per username ('user:<name>') and per client address ('address:<ip>'), shared by every
-- instance, so that password guessing is throttled however requests are spread (see SECURITY.md).
CREATE TABLE login_failures (
    key          TEXT        PRIMARY KEY,
    -- Failures in a row: reset by a successful sign-in (usernames only) or after a quiet period.
    failures     INT         NOT NULL CHECK (failures >= 0),
    last_failure TIMESTAMPTZ NOT NULL,
    -- Sign-ins are refused until then, without checking the password.
    locked_until TIMESTAMPTZ
);
-- Forgetting old failures scans by age.
CREATE INDEX login_failures_last_failure ON login_failures (last_failure);
