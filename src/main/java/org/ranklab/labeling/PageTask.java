package org.ranklab.labeling;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A task for our own ranking page: the texts already rendered as safe HTML, with the
 * guidelines it is shown with, so that the page shows guidelines edited since it loaded.
 */
record PageTask(String assignmentId, PromptHtml prompt, List<Html> candidates, Instant leaseExpiresAt,
		int guidelinesVersion, String guidelines) {

	record Html(String id, String html) {
	}

	/**
	 * The prompt: one text, or with {@code messages} a conversation, each turn rendered
	 * on its own.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record PromptHtml(String id, String html, List<TurnHtml> messages) {
	}

	record TurnHtml(String role, String html) {
	}

	static PageTask of(LeasedTask task, SafeMarkdown markdown) {
		List<TurnHtml> turns = task.messages() == null ? null
				: task.messages().stream().map(m -> new TurnHtml(m.role(), markdown.toHtml(m.content()))).toList();
		return new PageTask(Long.toString(task.assignment().id()),
				new PromptHtml(Long.toString(task.assignment().promptId()), markdown.toHtml(task.promptText()), turns),
				task.candidates()
					.stream()
					.map(c -> new Html(Long.toString(c.id()), markdown.toHtml(c.text())))
					.toList(),
				task.assignment().leaseExpiresAt(), task.assignment().guidelinesVersion(),
				markdown.toHtml(task.project().guidelines()));
	}

}
