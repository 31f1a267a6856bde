-- Training runs now end with their job (JobFinished, published in the transaction that ends the job)
-- instead of when a read noticed the job had ended. Runs whose job ended and that no read has caught
-- up with yet end here, as that read would have ended them.
UPDATE training_runs r
SET status      = j.status,
    error       = CASE WHEN j.status = 'FAILED' THEN coalesce(r.error, j.message, 'failed') ELSE r.error END,
    finished_at = coalesce(j.finished_at, now())
FROM jobs j
WHERE j.id = r.job_id
  AND r.status IN ('QUEUED', 'RUNNING')
  AND j.status IN ('SUCCEEDED', 'FAILED', 'CANCELLED');
