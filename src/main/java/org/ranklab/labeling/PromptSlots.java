package org.ranklab.labeling;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.ranklab.project.ProjectChanged;
import org.ranklab.prompt.PromptsReady;

/**
 * Opens a {@code prompt_slots} row for each prompt that becomes ready, however it got
 * there (import with candidates, generation), marked gold for gold prompts. Synchronous,
 * in the transaction that stores the prompts, so that no ready prompt is ever without its
 * slot; one statement per event, so a bulk import pays one extra INSERT per batch, not
 * one per prompt.
 * <p>
 * Keeps {@code complete} in step with the project's {@code rankings_per_prompt}, in the
 * transaction that changes it: more rankings per prompt reopen complete prompts, fewer
 * close the open ones that now have enough. Rankings are never touched; gold prompts are
 * never complete.
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

	@EventListener
	void perPromptChanged(ProjectChanged changed) {
		int before = changed.before().rankingsPerPrompt();
		int after = changed.after().rankingsPerPrompt();
		if (after == before) {
			return;
		}
		// Each direction touches one partial index's rows: complete ones to reopen, open
		// ones to close.
		String slots = after > before ? "complete AND rankings < :perPrompt"
				: "NOT complete AND NOT gold AND rankings >= :perPrompt";
		jdbc.sql("UPDATE prompt_slots SET complete = NOT complete WHERE project_id = :project AND " + slots)
			.param("project", changed.after().id())
			.param("perPrompt", after)
			.update();
	}

	private static long[] ids(List<Long> ids) {
		return ids.stream().mapToLong(Long::longValue).toArray();
	}

}
