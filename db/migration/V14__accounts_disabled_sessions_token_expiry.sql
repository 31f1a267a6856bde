-- Accounts an admin can disable and re-enable, sessions that end when they must, tokens that expire.

-- Set while the account is disabled: its password, tokens and sessions are refused.
ALTER TABLE users ADD COLUMN disabled_at TIMESTAMPTZ;
-- Counts up whenever the user's browser sessions must end (disabled, password changed); a session
-- signed in under an older value is signed out on its next request.
ALTER TABLE users ADD COLUMN session_epoch INT NOT NULL DEFAULT 0;

-- NULL: the token never expires (tokens made before version 1.1, and those asked for without a term).
ALTER TABLE access_tokens ADD COLUMN expires_at TIMESTAMPTZ;
