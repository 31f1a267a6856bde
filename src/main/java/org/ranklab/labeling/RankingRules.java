package org.ranklab.labeling;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

import org.ranklab.project.Project;
import org.ranklab.web.InputError;
import org.ranklab.web.InvalidInputException;

/**
 * Checks a submitted ranking against the project's rules and the assignment's candidates,
 * collecting every problem with the field it is in ({@code ranking[1][0]},
 * {@code scores.42}), so that a client can fix all at once.
 */
final class RankingRules {

	static final int MAX_COMMENT_LENGTH = 4000;

	private final Project project;

	private final Set<Long> candidates;

	/** The first errors found: a refusal lists no more anyway. */
	private final List<InputError> errors = new ArrayList<>();

	private long errorCount;

	private RankingRules(Project project, List<Long> candidates) {
		this.project = project;
		this.candidates = new LinkedHashSet<>(candidates);
	}

	/**
	 * The ranking normalised, or an {@link InvalidInputException} naming every problem.
	 */
	static ValidRanking check(RankingRequest request, Project project, List<Long> candidates) {
		return new RankingRules(project, candidates).check(request);
	}

	private ValidRanking check(RankingRequest request) {
		boolean notRankable = Boolean.TRUE.equals(request.notRankable());
		List<List<Long>> tiers = null;
		if (request.ranking() != null) {
			tiers = tiers(request.ranking());
		}
		else if (!notRankable) {
			error("ranking", "is required unless not_rankable is true");
		}
		SortedMap<Long, Integer> scores = scores(request.scores(), notRankable);
		String comment = comment(request.comment());
		if (errorCount > 0) {
			throw InvalidInputException.of(errors, errorCount);
		}
		return new ValidRanking(tiers, scores, notRankable, comment);
	}

	private List<List<Long>> tiers(List<List<String>> ranking) {
		List<List<Long>> tiers = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		for (int t = 0; t < ranking.size(); t++) {
			List<String> tier = ranking.get(t);
			String field = "ranking[" + t + "]";
			if (tier == null || tier.isEmpty()) {
				error(field, "must not be empty: a tier holds one candidate, or two or more tied");
				continue;
			}
			if (tier.size() > 1 && !project.allowTies()) {
				error(field, "ties are not allowed in this project: put each candidate in its own tier");
			}
			List<Long> ids = new ArrayList<>();
			for (int c = 0; c < tier.size(); c++) {
				Long id = candidate(tier.get(c));
				if (id == null) {
					error(field + "[" + c + "]", quote(tier.get(c)) + " is not a candidate of this task");
				}
				else if (!seen.add(id)) {
					error(field + "[" + c + "]", "candidate " + id + " appears more than once");
				}
				else {
					ids.add(id);
				}
			}
			tiers.add(ids.stream().sorted().toList());
		}
		List<Long> missing = candidates.stream().filter(id -> !seen.contains(id)).toList();
		if (!missing.isEmpty()) {
			error("ranking", "must hold every candidate exactly once; missing: " + joined(missing));
		}
		return tiers;
	}

	private SortedMap<Long, Integer> scores(Map<String, JsonNode> sent, boolean notRankable) {
		if (sent == null) {
			if (project.collectScores() && !notRankable) {
				error("scores", "this project collects scores: give every candidate a whole number from 1 to 7");
			}
			return null;
		}
		if (!project.collectScores()) {
			error("scores", "this project does not collect scores: leave them out");
			return null;
		}
		SortedMap<Long, Integer> scores = new TreeMap<>();
		Set<Long> scored = new HashSet<>();
		sent.forEach((key, value) -> {
			Long id = candidate(key);
			if (id != null) {
				scored.add(id);
			}
			if (id == null) {
				error("scores." + abbreviated(key), quote(key) + " is not a candidate of this task");
			}
			else if (value == null || !value.isIntegralNumber() || value.asLong() < 1 || value.asLong() > 7) {
				error("scores." + abbreviated(key), "must be a whole number from 1 to 7");
			}
			else {
				scores.put(id, value.asInt());
			}
		});
		List<Long> missing = candidates.stream().filter(id -> !scored.contains(id)).toList();
		if (!missing.isEmpty()) {
			error("scores", "every candidate needs a score; missing: " + joined(missing));
		}
		return scores;
	}

	private String comment(String comment) {
		if (comment == null || comment.isBlank()) {
			return null;
		}
		if (comment.length() > MAX_COMMENT_LENGTH) {
			error("comment", "must be at most " + MAX_COMMENT_LENGTH + " characters");
		}
		return comment.strip();
	}

	/**
	 * The candidate a JSON id names, or {@code null} when it names none of this task's.
	 */
	private Long candidate(String id) {
		if (id == null) {
			return null;
		}
		try {
			long value = Long.parseLong(id.strip());
			return candidates.contains(value) ? value : null;
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private void error(String field, String message) {
		if (errors.size() < InvalidInputException.LISTED) {
			errors.add(InputError.field(field, message));
		}
		errorCount++;
	}

	private static String quote(String value) {
		return value == null ? "null" : "\"" + abbreviated(value) + "\"";
	}

	/** The client's own text, echoed no longer than a candidate id could be. */
	private static String abbreviated(String value) {
		return value.length() > 40 ? value.substring(0, 40) + "…" : value;
	}

	private static String joined(List<Long> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
	}

}
