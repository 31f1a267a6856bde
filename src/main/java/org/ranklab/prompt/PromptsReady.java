package org.ranklab.prompt;

import java.util.List;

/**
 * Prompts of a project that just became ready to label: imported with their candidates,
 * or given generated ones. Published synchronously inside the transaction that stores
 * them, so a listener's writes (labeling opens their slots) commit with the prompts or
 * not at all. An import publishes one event per stored batch, so no event holds more than
 * a batch's ids.
 */
public record PromptsReady(long projectId, List<Long> promptIds) {

	public PromptsReady {
		promptIds = List.copyOf(promptIds);
	}

}
