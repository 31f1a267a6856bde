package org.ranklab.jobs;

import java.time.Instant;
import java.util.Optional;

/**
 * Short work that must happen at least once, such as delivering a webhook: queued with
 * {@link WorkQueue} in the transaction that decides it, tried as soon as that commits,
 * and tried again at the time each try asks for, until one says it is done. A module
 * registers one bean per type. Tries run on threads of their own
 * ({@code ranklab.jobs.work-threads}), so long jobs never hold them up; a try whose
 * instance died is tried again elsewhere.
 */
public interface RetriedWork {

	/** The name its queue entries carry; stable across versions. */
	String type();

	/**
	 * One try of the work named {@code key}.
	 * @return empty when the work is done, or given up for good; otherwise when to try
	 * again
	 * @throws Exception when the try could not even be judged (the database is away): it
	 * is tried again after {@link WorkQueue#RETRY_AFTER_ERROR}
	 */
	Optional<Instant> attempt(String key) throws Exception;

}
