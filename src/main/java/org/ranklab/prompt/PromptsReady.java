package org.ranklab.prompt;

import java.util.List;

/**
 * Prompts of a project that just became ready to label: imported with their candidates,
 * or given generated ones. Published synchronously inside the transaction that stores
 * them, so a listener's writes (labeling opens their slots) commit with the prompts or
 * not at all. An import publishes one event per stored batch, so no event holds more than
 * a batch's ids.
 *
 * @param goldPromptIds those of {@code promptIds} that are gold prompts (imported with a
 * known ranking)
 */
public record PromptsReady(long projectId, List<Long> promptIds, List<Long> goldPromptIds) {

	public PromptsReady {
		promptIds = List.copyOf(promptIds);
		goldPromptIds = List.copyOf(goldPromptIds);
	}

	/** Prompts none of which is gold. */
	public PromptsReady(long projectId, List<Long> promptIds) {
		this(projectId, promptIds, List.of());
	}

}
