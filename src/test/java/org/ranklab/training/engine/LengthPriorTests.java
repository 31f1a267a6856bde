package org.ranklab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class LengthPriorTests {

	private final RewardModelTrainer trainer = new RewardModelTrainer();

	@Test
	void fitsAPositiveWeightOnLengthWhenLongerWinsAndANegativeOneWhenShorterWins() {
		TrainingSettings settings = TrainingSettings.builder().optLengthPrior(true).optValidationFraction(0).build();

		List<Double> longer = PreparedRankings.of(lengthRankings(true), settings, Architecture.POOLED)
			.config()
			.lengthPrior();
		List<Double> shorter = PreparedRankings.of(lengthRankings(false), settings, Architecture.POOLED)
			.config()
			.lengthPrior();

		assertThat(longer).hasSize(TextEncoder.FEATURES);
		// the first two features are log tokens and log characters
		assertThat(longer.get(0) + longer.get(1)).isGreaterThan(1);
		assertThat(shorter.get(0) + shorter.get(1)).isLessThan(-1);
	}

	@Test
	void isLeftOutUnlessAskedForAndForTheDirectScoreObjective() {
		TrainingSettings withPrior = TrainingSettings.builder().optLengthPrior(true).build();

		assertThat(PreparedRankings
			.of(lengthRankings(true), withPrior.toBuilder().optLengthPrior(false).build(), Architecture.POOLED)
			.config()
			.lengthPrior()).isNull();
		List<RankedGroup> scored = lengthRankings(true).stream().map(LengthPriorTests::scoredByLength).toList();
		assertThat(PreparedRankings
			.of(scored, withPrior.toBuilder().optObjective(Objective.DIRECT_SCORE).build(), Architecture.POOLED)
			.config()
			.lengthPrior()).isNull();
	}

	@Test
	void aNetworkOnTopOfThePriorRanksByLengthFromItsFirstEpochAndItsArtifactKeepsThePrior() {
		TrainingSettings settings = TrainingSettings.builder()
			.optLengthPrior(true)
			.optValidationFraction(0.25)
			.optEpochs(1)
			.optBatchSize(8)
			.build();
		List<RankedGroup> groups = lengthRankings(true);

		TrainingResult result = trainer.train(groups, settings, TrainingMonitor.NONE);
		TrainingResult withoutPrior = trainer.train(groups, settings.toBuilder().optLengthPrior(false).build(),
				TrainingMonitor.NONE);

		assertThat(result.last().valAccuracy()).isGreaterThanOrEqualTo(0.95);
		assertThat(withoutPrior.last().valAccuracy()).isLessThan(0.9);
		List<RankedGroup> validation = PromptSplit.of(groups, 0.25, settings.seed()).validation();
		try (RewardModel model = RewardModel.load(result.artifact())) {
			assertThat(model.config().lengthPrior()).hasSize(TextEncoder.FEATURES);
			assertThat(ModelAccuracy.of(model, validation)).isEqualTo(result.last().valAccuracy());
		}
	}

	/**
	 * 120 prompts with 4 candidates of 2 to 40 neutral words each, ranked by their number
	 * of words alone (equal numbers tie).
	 */
	private static List<RankedGroup> lengthRankings(boolean longerWins) {
		Random random = new Random(5);
		List<RankedGroup> groups = new ArrayList<>();
		long candidateId = 1;
		for (long promptId = 1; promptId <= 120; promptId++) {
			List<Candidate> candidates = new ArrayList<>();
			Comparator<Integer> order = longerWins ? Comparator.reverseOrder() : Comparator.naturalOrder();
			Map<Integer, List<Long>> byLength = new TreeMap<>(order);
			for (int c = 0; c < 4; c++) {
				int words = 2 + random.nextInt(39);
				StringBuilder text = new StringBuilder();
				for (int w = 0; w < words; w++) {
					text.append(SyntheticRankings.FILLER.get(random.nextInt(SyntheticRankings.FILLER.size())))
						.append(' ');
				}
				candidates.add(new Candidate(candidateId, text.toString().trim()));
				byLength.computeIfAbsent(words, n -> new ArrayList<>()).add(candidateId++);
			}
			groups.add(new RankedGroup(promptId, "prompt " + promptId, candidates, new ArrayList<>(byLength.values())));
		}
		return groups;
	}

	/** The same ranking with 1-7 scores that follow it. */
	private static RankedGroup scoredByLength(RankedGroup group) {
		Map<Long, Integer> scores = new HashMap<>();
		for (int tier = 0; tier < group.tiers().size(); tier++) {
			for (Long id : group.tiers().get(tier)) {
				scores.put(id, Math.max(1, 7 - tier));
			}
		}
		return new RankedGroup(group.promptId(), group.prompt(), group.candidates(), group.tiers(), scores);
	}

}
