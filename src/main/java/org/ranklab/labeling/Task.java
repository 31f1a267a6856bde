package org.ranklab.labeling;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.ranklab.prompt.ChatMessage;

/**
 * A prompt to rank, as {@code POST /projects/{id}/tasks/next} answers it: candidates in
 * this assignment's order, the project's current guidelines and their version.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Task(String assignmentId, TaskPrompt prompt, List<TaskCandidate> candidates, Instant leaseExpiresAt,
		String guidelines, int guidelinesVersion) {

	/**
	 * {@code messages} only for a conversation prompt; {@code text} is then their
	 * flattening.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record TaskPrompt(String id, String text, List<ChatMessage> messages) {
	}

	record TaskCandidate(String id, String text) {
	}

}
