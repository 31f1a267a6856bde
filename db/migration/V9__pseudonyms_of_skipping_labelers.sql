-- Labelers get their pseudonym on their first ranking or skip. Skips did not give one before, so those who
-- have only skipped get theirs here (the quality report used to add them while it was being read).
INSERT INTO labelers (user_id)
SELECT DISTINCT user_id FROM assignments WHERE status = 'SKIPPED'
ON CONFLICT (user_id) DO NOTHING;
