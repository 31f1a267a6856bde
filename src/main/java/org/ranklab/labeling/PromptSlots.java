package org.ranklab.labeling;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.ranklab.prompt.PromptsReady;

/**
 * Opens a {@code prompt_slots} row for each prompt that becomes ready, however it got
 * there (import with candidates, generation), marked gold for gold prompts. Synchronous,
 * in the transaction that stores the prompts, so that no ready prompt is ever without its
 * slot; one statement per event, so a bulk import pays one extra INSERT per batch, not
 * one per prompt.
 */
@Component
class PromptSlots {

	private final JdbcClient jdbc;

	PromptSlots(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void open(PromptsReady ready) {
		jdbc.sql("""
				INSERT INTO prompt_slots (prompt_id, project_id, gold)
				SELECT id, ?, id = ANY (?::bigint[]) FROM unnest(?::bigint[]) id
				ON CONFLICT (prompt_id) DO NOTHING""")
			.params(ready.projectId(), ids(ready.goldPromptIds()), ids(ready.promptIds()))
			.update();
	}

	private static long[] ids(List<Long> ids) {
		return ids.stream().mapToLong(Long::longValue).toArray();
	}

}
