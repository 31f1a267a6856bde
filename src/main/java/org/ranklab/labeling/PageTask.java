package org.ranklab.labeling;

import java.time.Instant;
import java.util.List;

/**
 * A task for our own ranking page: the texts already rendered as safe HTML, with the
 * guidelines it is shown with, so that the page shows guidelines edited since it loaded.
 */
record PageTask(String assignmentId, Html prompt, List<Html> candidates, Instant leaseExpiresAt, int guidelinesVersion,
		String guidelines) {

	record Html(String id, String html) {
	}

	static PageTask of(LeasedTask task, SafeMarkdown markdown) {
		return new PageTask(Long.toString(task.assignment().id()),
				new Html(Long.toString(task.assignment().promptId()), markdown.toHtml(task.promptText())),
				task.candidates()
					.stream()
					.map(c -> new Html(Long.toString(c.id()), markdown.toHtml(c.text())))
					.toList(),
				task.assignment().leaseExpiresAt(), task.assignment().guidelinesVersion(),
				markdown.toHtml(task.project().guidelines()));
	}

}
