package org.ranklab.prompt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.ranklab.project.Project;

/**
 * The rules a record must meet in a project: a non-blank prompt (or a conversation whose
 * roles are in order and whose turns are not blank, ending with the user's) and, when it
 * brings candidates, between the project's fewest and most of them, none blank, no two
 * alike; a gold ranking holds each of its candidates exactly once, ties only where the
 * project allows them. Also what PostgreSQL cannot store (NUL).
 */
final class RecordChecks {

	/**
	 * An escaped NUL in JSON text ({@code \u0000}) that is not itself an escaped
	 * backslash followed by "u0000".
	 */
	private static final Pattern JSON_NUL = Pattern.compile("(?<!\\\\)(\\\\\\\\)*\\\\u0000");

	private static final Set<String> ROLES = Set.of(ChatMessage.SYSTEM, ChatMessage.USER, ChatMessage.ASSISTANT);

	private final int fewest;

	private final int most;

	private final boolean allowTies;

	RecordChecks(Project project) {
		this.fewest = project.minCandidates();
		this.most = project.maxCandidates();
		this.allowTies = project.allowTies();
	}

	/** True when the record may be stored; otherwise every reason is reported. */
	boolean check(ImportRecord record, ImportProblems problems) {
		long before = problems.count();
		long line = record.line();
		if (record.messages() != null) {
			checkMessages(record.messages(), line, problems);
		}
		else {
			if (record.prompt().isBlank()) {
				problems.add(line, "prompt", "prompt is blank");
			}
			noNul(record.prompt(), line, "prompt", "prompt", problems);
		}
		noNul(record.externalId(), line, "external_id", "external_id", problems);
		jsonWithoutNul(record.meta(), line, "meta", "meta", problems);
		List<ImportCandidate> candidates = record.candidates();
		if (!candidates.isEmpty()) {
			checkCandidates(candidates, line, problems);
		}
		if (record.isGold()) {
			checkGold(record.gold(), candidates.size(), line, problems);
		}
		return problems.count() == before;
	}

	/**
	 * A conversation: known roles, a system turn only first, no blank content, and a user
	 * turn last (the one the candidates answer).
	 */
	private static void checkMessages(List<ChatMessage> messages, long line, ImportProblems problems) {
		for (int i = 0; i < messages.size(); i++) {
			ChatMessage message = messages.get(i);
			String name = "message " + (i + 1);
			if (!ROLES.contains(message.role())) {
				problems.add(line, "messages",
						name + ": unknown role '" + message.role() + "'; the roles are system, user and assistant");
			}
			else if (message.role().equals(ChatMessage.SYSTEM) && i > 0) {
				problems.add(line, "messages", name + ": a system message may only come first");
			}
			if (message.content().isBlank()) {
				problems.add(line, "messages", name + ": content is blank");
			}
			noNul(message.content(), line, "messages", name, problems);
		}
		if (!messages.isEmpty() && !ChatMessage.USER.equals(messages.get(messages.size() - 1).role())) {
			problems.add(line, "messages", "the last message must be the user's (the candidates answer it), not '"
					+ messages.get(messages.size() - 1).role() + "'");
		}
	}

	/**
	 * Tiers of indices into the record's candidates: each candidate exactly once, a tier
	 * of two or more only where ties are allowed.
	 */
	private void checkGold(List<List<Integer>> gold, int candidates, long line, ImportProblems problems) {
		if (candidates == 0) {
			problems.add(line, "gold", "a gold ranking needs the record's candidates: it ranks them by index");
			return;
		}
		boolean[] seen = new boolean[candidates];
		for (int t = 0; t < gold.size(); t++) {
			List<Integer> tier = gold.get(t);
			String name = "gold tier " + (t + 1);
			if (tier.isEmpty()) {
				problems.add(line, "gold", name + " is empty: a tier holds one candidate index, or two or more tied");
			}
			if (tier.size() > 1 && !allowTies) {
				problems.add(line, "gold", name + " ties candidates, which this project does not allow");
			}
			for (int index : tier) {
				if (index < 0 || index >= candidates) {
					problems.add(line, "gold", "index " + index + " is not a candidate: the record has " + candidates
							+ " (0 to " + (candidates - 1) + ")");
				}
				else if (seen[index]) {
					problems.add(line, "gold", "candidate " + index + " appears more than once");
				}
				else {
					seen[index] = true;
				}
			}
		}
		List<String> missing = new ArrayList<>();
		for (int index = 0; index < candidates; index++) {
			if (!seen[index]) {
				missing.add(Integer.toString(index));
			}
		}
		if (!missing.isEmpty()) {
			problems.add(line, "gold",
					"gold must rank every candidate exactly once; missing: " + String.join(", ", missing));
		}
	}

	private void checkCandidates(List<ImportCandidate> candidates, long line, ImportProblems problems) {
		int count = candidates.size();
		if (count < fewest || count > most) {
			problems.add(line, "candidates", count + (count == 1 ? " candidate" : " candidates")
					+ ", this project needs " + (fewest == most ? "exactly " + fewest : fewest + " to " + most));
		}
		Map<String, Integer> seen = new HashMap<>();
		for (int i = 0; i < count; i++) {
			ImportCandidate candidate = candidates.get(i);
			String name = "candidate " + (i + 1);
			if (candidate.text().isBlank()) {
				problems.add(line, "candidates", name + " is blank");
				continue;
			}
			noNul(candidate.text(), line, "candidates", name, problems);
			noNul(candidate.model(), line, "candidates", name + ": model", problems);
			jsonWithoutNul(candidate.meta(), line, "candidates", name + ": meta", problems);
			Integer earlier = seen.putIfAbsent(candidate.text().strip(), i + 1);
			if (earlier != null) {
				problems.add(line, "candidates", "candidates " + earlier + " and " + (i + 1) + " are identical");
			}
		}
	}

	private static void noNul(String text, long line, String field, String name, ImportProblems problems) {
		if (text != null && text.indexOf('\0') >= 0) {
			problems.add(line, field, name + " contains a NUL character (\\u0000), which cannot be stored");
		}
	}

	private static void jsonWithoutNul(String json, long line, String field, String name, ImportProblems problems) {
		if (json != null && json.contains("\\u0000") && JSON_NUL.matcher(json).find()) {
			problems.add(line, field, name + " contains \\u0000, which cannot be stored");
		}
	}

}
