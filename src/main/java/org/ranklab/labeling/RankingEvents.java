package org.ranklab.labeling;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells other modules what a stored ranking did: {@link RankingSubmitted}, and
 * {@link PromptCompleted} and {@link ProjectCompleted} when it completed them. Runs in
 * the ranking's transaction, which holds the prompt's slot.
 */
@Component
class RankingEvents {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	RankingEvents(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	void recorded(Assignment assignment, Rankings.Recorded recorded, int perPrompt) {
		events.publishEvent(
				new RankingSubmitted(recorded.id(), assignment.id(), assignment.projectId(), assignment.promptId()));
		if (!recorded.completedPrompt()) {
			return;
		}
		events.publishEvent(new PromptCompleted(assignment.projectId(), assignment.promptId(), perPrompt));
		if (isLastOpenPrompt(assignment.projectId())) {
			events.publishEvent(new ProjectCompleted(assignment.projectId()));
		}
	}

	/**
	 * Whether no other prompt of the project is open (gold prompts never complete and do
	 * not count). Two last prompts completed at the same moment would each see the other
	 * still open in their own snapshot, and neither would tell: so completions of one
	 * project take turns on a lock held to the end of the transaction, and the check, a
	 * statement after it, sees what the one before committed.
	 */
	private boolean isLastOpenPrompt(long projectId) {
		jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(hashtext('ranklab.project-completion'), :project)")
			.param("project", (int) projectId)
			.query(Integer.class)
			.single();
		return jdbc.sql(
				"SELECT NOT EXISTS (SELECT 1 FROM prompt_slots WHERE project_id = :project AND NOT complete AND NOT gold)")
			.param("project", projectId)
			.query(Boolean.class)
			.single();
	}

}
