package org.ranklab.quality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import org.ranklab.labeling.Labelers;
import org.ranklab.labeling.SubmittedRanking;
import org.ranklab.labeling.SubmittedRankings;
import org.ranklab.labeling.SubmittedRankings.Selection;
import org.ranklab.prompt.PromptText;
import org.ranklab.prompt.PromptTexts;
import org.ranklab.ranking.Agreement;
import org.ranklab.ranking.RankedPairs;
import org.ranklab.ranking.Tiers;
import org.ranklab.training.RewardScores;
import org.ranklab.user.Usernames;

/**
 * The prompts where the project's newest reward model disagrees most with the labelers'
 * consensus: Kendall's tau-b between the model's order of the consensus' candidates and
 * the consensus, lowest first. A low one often points at a labeling problem (a misread
 * prompt, a careless labeler), which the per-labeler review then shows. Scores the
 * {@value #PROMPTS} most recently added ranked prompts at most, with the model loaded
 * once.
 */
@Service
class ModelDisagreements {

	static final int PROMPTS = 2000;

	static final int SHOWN = 20;

	private final SubmittedRankings submitted;

	private final PromptTexts texts;

	private final RewardScores scores;

	private final Labelers labelers;

	private final Usernames usernames;

	ModelDisagreements(SubmittedRankings submitted, PromptTexts texts, RewardScores scores, Labelers labelers,
			Usernames usernames) {
		this.submitted = submitted;
		this.texts = texts;
		this.scores = scores;
		this.labelers = labelers;
		this.usernames = usernames;
	}

	/** One prompt the model orders unlike the labelers. */
	record Disagreement(String promptId, String prompt, int rankings, double modelTau, List<Labeler> labelers) {
	}

	/** A labeler who ranked it: their pseudonym (for the review) and name. */
	record Labeler(String labeler, String username) {
	}

	/** Empty when the project has no model yet. */
	record Report(String rewardModelId, List<Disagreement> prompts) {
	}

	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	Optional<Report> of(long projectId) {
		Optional<Long> model = scores.newestModel(projectId);
		if (model.isEmpty()) {
			return Optional.empty();
		}
		Map<Long, List<SubmittedRanking>> byPrompt = latestRankedPrompts(projectId);
		List<PromptText> prompts;
		try (Stream<PromptText> read = texts.of(projectId, byPrompt.keySet().stream().sorted())) {
			prompts = read.toList();
		}
		Map<Long, double[]> modelScores = scores.score(model.get(), prompts);
		Map<String, String> names = names(projectId);
		List<Disagreement> found = new ArrayList<>();
		for (PromptText prompt : prompts) {
			List<SubmittedRanking> rankings = byPrompt.get(prompt.id());
			Tiers consensus = RankedPairs.consensus(rankings.stream().map(SubmittedRanking::tiers).toList());
			OptionalDouble tau = Agreement.kendallTauB(modelOrder(prompt, modelScores.get(prompt.id()), consensus),
					consensus);
			if (tau.isPresent()) {
				found
					.add(new Disagreement(Long.toString(prompt.id()), prompt.text(), rankings.size(), tau.getAsDouble(),
							rankings.stream()
								.map(ranking -> new Labeler(ranking.labeler(),
										names.getOrDefault(ranking.labeler(), ranking.labeler())))
								.toList()));
			}
		}
		found.sort(Comparator.comparingDouble(Disagreement::modelTau).thenComparing(Disagreement::promptId));
		return Optional.of(new Report(model.get().toString(), found.subList(0, Math.min(SHOWN, found.size()))));
	}

	/** The rankable rankings of the newest {@value #PROMPTS} ranked prompts. */
	private Map<Long, List<SubmittedRanking>> latestRankedPrompts(long projectId) {
		Map<Long, List<SubmittedRanking>> byPrompt = new LinkedHashMap<>();
		try (Stream<SubmittedRanking> rankings = submitted.of(projectId, Selection.RANKABLE, null)) {
			rankings.forEachOrdered(ranking -> {
				byPrompt.computeIfAbsent(ranking.promptId(), id -> new ArrayList<>()).add(ranking);
				if (byPrompt.size() > PROMPTS) {
					byPrompt.remove(byPrompt.keySet().iterator().next());
				}
			});
		}
		return byPrompt;
	}

	/** The consensus' candidates, each in a tier of its own, best model score first. */
	private static Tiers modelOrder(PromptText prompt, double[] candidateScores, Tiers consensus) {
		Map<Long, Double> score = new HashMap<>();
		for (int i = 0; i < prompt.candidates().size(); i++) {
			score.put(prompt.candidates().get(i).id(), candidateScores[i]);
		}
		return new Tiers(consensus.candidates()
			.stream()
			.sorted(Comparator.comparingDouble((Long id) -> score.getOrDefault(id, 0.0)).reversed())
			.map(List::of)
			.toList());
	}

	private Map<String, String> names(long projectId) {
		List<Labelers.Tally> tallies = labelers.tallies(projectId);
		Map<Long, String> byUser = usernames.of(tallies.stream().map(Labelers.Tally::userId).toList());
		Map<String, String> names = new HashMap<>();
		tallies.forEach(tally -> names.put(tally.labeler(), byUser.get(tally.userId())));
		return names;
	}

}
