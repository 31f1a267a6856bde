package org.ranklab.jobs;

import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/** What a running job's worker sees of it, and how it reports progress. */
public interface JobContext {

	long id();

	Long projectId();

	JsonNode parameters();

	/** The figures reported by an earlier attempt of the same job, or an empty object. */
	JsonNode details();

	Optional<String> secret();

	/** 1 for the first run, more when the job resumes after a worker died. */
	int attempt();

	/**
	 * Records progress (0..1), a message for users and the job's figures; written to the
	 * database every beat.
	 */
	void report(double progress, String message, Map<String, Object> details);

	boolean isCancelRequested();

	/** Called once, from another thread, as soon as a cancel request is seen. */
	void onCancel(Runnable action);

}
