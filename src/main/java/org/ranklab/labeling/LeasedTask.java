package org.ranklab.labeling;

import java.util.List;

import org.ranklab.project.Project;
import org.ranklab.prompt.ChatMessage;

/**
 * An assignment with the texts to show, candidates in the assignment's own order;
 * {@code messages} only for a conversation prompt.
 */
record LeasedTask(Project project, Assignment assignment, String promptText, List<ChatMessage> messages,
		List<Candidate> candidates) {

	record Candidate(long id, String text) {
	}

	static LeasedTask of(Project project, Assignment assignment, Assignments.PromptContent content) {
		List<Candidate> candidates = assignment.candidateOrder()
			.stream()
			.map(id -> new Candidate(id, content.candidates().get(id)))
			.toList();
		return new LeasedTask(project, assignment, content.text(), content.messages(), candidates);
	}

	Task toTask() {
		return new Task(Long.toString(assignment.id()),
				new Task.TaskPrompt(Long.toString(assignment.promptId()), promptText, messages),
				candidates.stream().map(c -> new Task.TaskCandidate(Long.toString(c.id()), c.text())).toList(),
				assignment.leaseExpiresAt(), project.guidelines(), assignment.guidelinesVersion());
	}

}
