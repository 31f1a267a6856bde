package org.ranklab.prompt.generation;

import java.time.Duration;

/** A chat-completions request that brought no answer, and what to do about it. */
class ModelCallFailed extends Exception {

	enum Scope {

		/**
		 * Worth retrying after a pause: rate limits, server errors, timeouts, broken
		 * connections.
		 */
		RETRY,
		/**
		 * This prompt cannot be answered (400, 413, 422: e.g. too long for the model's
		 * context).
		 */
		PROMPT,
		/**
		 * No prompt will be answered (wrong key, wrong URL or model, a redirect): the job
		 * stops.
		 */
		JOB

	}

	private final Scope scope;

	private final Duration retryAfter;

	ModelCallFailed(Scope scope, String message, Duration retryAfter) {
		super(message, null, false, false);
		this.scope = scope;
		this.retryAfter = retryAfter;
	}

	static ModelCallFailed retry(String message, Duration retryAfter) {
		return new ModelCallFailed(Scope.RETRY, message, retryAfter);
	}

	static ModelCallFailed prompt(String message) {
		return new ModelCallFailed(Scope.PROMPT, message, null);
	}

	static ModelCallFailed job(String message) {
		return new ModelCallFailed(Scope.JOB, message, null);
	}

	Scope scope() {
		return scope;
	}

	/** The pause the server asked for, or null. */
	Duration retryAfter() {
		return retryAfter;
	}

}
