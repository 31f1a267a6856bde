package org.ranklab.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import org.ranklab.labeling.SubmittedRanking;
import org.ranklab.labeling.SubmittedRankings;
import org.ranklab.labeling.SubmittedRankings.Selection;
import org.ranklab.prompt.PromptText;
import org.ranklab.prompt.PromptTexts;
import org.ranklab.training.engine.Candidate;
import org.ranklab.training.engine.RankedGroup;

/**
 * A project's submitted rankings as the engine trains on them: one {@link RankedGroup}
 * per ranking, not-rankable verdicts left out. Rankings come from labeling and texts from
 * prompt, both streamed in prompt order within one read-only REPEATABLE READ transaction
 * and joined here, so that both see the same rows.
 */
@Component
class TrainingData {

	private final SubmittedRankings submitted;

	private final PromptTexts promptTexts;

	private final TransactionTemplate readOnly;

	private final JsonMapper json;

	TrainingData(SubmittedRankings submitted, PromptTexts promptTexts, PlatformTransactionManager transactions,
			JsonMapper json) {
		this.submitted = submitted;
		this.promptTexts = promptTexts;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.json = json;
	}

	/**
	 * True when some ranking of the project orders at least two candidates (two tiers or
	 * more).
	 */
	boolean hasOrderedPair(long projectId) {
		return submitted.anyOrdersTwoCandidates(projectId);
	}

	/** True when some ranking of the project carries scores. */
	boolean hasScores(long projectId) {
		return submitted.anyScored(projectId);
	}

	/** Every usable ranking of the project, grouped per ranking, prompts in id order. */
	List<RankedGroup> rankings(long projectId) {
		return readOnly.execute(status -> {
			List<RankedGroup> groups = new ArrayList<>();
			try (Stream<SubmittedRanking> rankings = submitted.of(projectId, Selection.RANKABLE, null);
					Stream<PromptText> texts = promptTexts.of(projectId,
							submitted.promptIds(projectId, Selection.RANKABLE, null))) {
				Prompts prompts = new Prompts(texts.iterator());
				rankings.forEachOrdered(ranking -> {
					Prompt prompt = prompts.seek(ranking.promptId());
					if (prompt != null) {
						prompt.groupOf(ranking).ifPresent(groups::add);
					}
				});
			}
			return groups;
		});
	}

	/** The prompts' texts, walked forward in step with the rankings. */
	private final class Prompts {

		private final Iterator<PromptText> texts;

		private Prompt current;

		Prompts(Iterator<PromptText> texts) {
			this.texts = texts;
		}

		/**
		 * The prompt, or {@code null} when it has no texts (and its rankings no group).
		 */
		Prompt seek(long promptId) {
			while ((current == null || current.text().id() < promptId) && texts.hasNext()) {
				current = new Prompt(texts.next());
			}
			return current != null && current.text().id() == promptId ? current : null;
		}

	}

	/** One prompt, whose candidate objects its groups share. */
	private final class Prompt {

		private final PromptText text;

		private final Map<Long, Candidate> candidates = new HashMap<>();

		Prompt(PromptText text) {
			this.text = text;
		}

		PromptText text() {
			return text;
		}

		/**
		 * The ranking as a group: the candidates it ranks, in their stored order; none
		 * when it ranks fewer than two.
		 */
		Optional<RankedGroup> groupOf(SubmittedRanking ranking) {
			Set<Long> ranked = Set.copyOf(ranking.tiers().candidates());
			List<Candidate> rankedCandidates = new ArrayList<>();
			for (PromptText.Candidate candidate : text.candidates()) {
				if (ranked.contains(candidate.id())) {
					rankedCandidates
						.add(candidates.computeIfAbsent(candidate.id(), id -> new Candidate(id, candidate.text())));
				}
			}
			if (rankedCandidates.size() < 2) {
				return Optional.empty();
			}
			return Optional.of(new RankedGroup(text.id(), text.modelText(), rankedCandidates, ranking.tiers().tiers(),
					scores(ranking.scoresJson())));
		}

	}

	private Map<Long, Integer> scores(String text) {
		Map<Long, Integer> result = new HashMap<>();
		if (text == null) {
			return result;
		}
		JsonNode node = json.readTree(text);
		for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext();) {
			Map.Entry<String, JsonNode> entry = it.next();
			result.put(Long.parseLong(entry.getKey()), entry.getValue().asInt());
		}
		return result;
	}

}
