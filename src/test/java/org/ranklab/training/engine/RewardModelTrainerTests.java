package org.ranklab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RewardModelTrainerTests {

	private final RewardModelTrainer trainer = new RewardModelTrainer();

	/** 150 prompts minus those whose candidates all tie (the trainer skips those). */
	private final List<RankedGroup> groups = SyntheticRankings.groups(150, 4, 7)
		.stream()
		.filter(g -> !g.orderedPairs().isEmpty())
		.toList();

	private final TrainingSettings shortRun = TrainingSettings.builder()
		.optValidationFraction(0.2)
		.optEpochs(8)
		.optBatchSize(8)
		.build();

	/** With the length prior, as by default: the network still learns the words. */
	@Test
	void pooledNetworkLearnsAHiddenOrderOfWords() {
		assertThat(shortRun.lengthPrior()).isTrue();

		TrainingResult result = trainer.train(groups, shortRun, TrainingMonitor.NONE);

		assertThat(result.metrics()).hasSize(8);
		assertThat(result.metrics().get(0).valAccuracy()).isLessThan(0.9);
		assertThat(result.last().valAccuracy()).isGreaterThanOrEqualTo(0.9);
		assertThat(result.last().trainLoss()).isLessThan(result.metrics().get(0).trainLoss());
		assertThat(result.validationPrompts()).isEqualTo(Math.round(groups.size() * 0.2));
		assertThat(result.trainingPrompts()).isEqualTo(groups.size() - result.validationPrompts());
	}

	@Test
	void transformerLearnsAHiddenOrderOfWords() {
		TrainingSettings settings = TrainingSettings.builder(Architecture.TRANSFORMER)
			.optValidationFraction(0.2)
			.optEpochs(8)
			.optBatchSize(8)
			.build();

		TrainingResult result = trainer.train(groups, settings, TrainingMonitor.NONE);

		assertThat(result.last().valAccuracy()).isGreaterThanOrEqualTo(0.9);
	}

	@Test
	void ensembleLearnsAHiddenOrderOfWordsAndItsArtifactScoresAsTrained() {
		TrainingSettings settings = TrainingSettings.builder(Architecture.ENSEMBLE)
			.optValidationFraction(0.2)
			.optEpochs(6)
			.optBatchSize(8)
			.build();

		TrainingResult result = trainer.train(groups, settings, TrainingMonitor.NONE);

		assertThat(result.metrics()).hasSize(6);
		assertThat(result.metrics().get(0).valAccuracy()).isLessThan(0.9);
		assertThat(result.last().valAccuracy()).isGreaterThanOrEqualTo(0.9);
		List<RankedGroup> validation = PromptSplit.of(groups, 0.2, settings.seed()).validation();
		try (RewardModel model = RewardModel.load(result.artifact())) {
			assertThat(model.config().architecture()).isEqualTo(Architecture.ENSEMBLE);
			assertThat(model.config().members()).isEqualTo(Architecture.ENSEMBLE_MEMBERS.size());
			// the loaded members, each normalised and averaged, reproduce the ensemble's
			// last validation accuracy
			assertThat(ModelAccuracy.of(model, validation)).isEqualTo(result.last().valAccuracy());
		}
	}

	@Test
	void ensembleAveragesTheNormalisedScoresOfMembersTrainedFromDifferentSeeds() {
		TrainingSettings settings = shortRun.toBuilder().optEpochs(1).build();
		TrainingResult single = trainer.train(groups, settings, TrainingMonitor.NONE);
		TrainingResult pair = trainer.train(groups,
				TrainingSettings.builder(Architecture.ENSEMBLE)
					.optValidationFraction(0.2)
					.optEpochs(1)
					.optBatchSize(8)
					.optMembers(List.of(Architecture.POOLED, Architecture.POOLED))
					.build(),
				TrainingMonitor.NONE);

		try (RewardModel both = RewardModel.load(pair.artifact())) {
			String prompt = groups.get(0).prompt();
			List<String> texts = groups.get(0).candidates().stream().map(Candidate::text).toList();
			double[] first = both.members().get(0).score(prompt, texts);
			double[] second = both.members().get(1).score(prompt, texts);
			assertThat(second).isNotEqualTo(first);
			double[] mean = both.rawScores(prompt, texts);
			for (int i = 0; i < mean.length; i++) {
				assertThat(mean[i]).isCloseTo((first[i] + second[i]) / 2, within(1e-9));
			}
		}
		assertThat(pair.trainingPairs()).isEqualTo(single.trainingPairs());
	}

	@Test
	void readsAConfigWrittenBeforeEnsemblesAndLengthPriorsExisted() {
		ModelConfig config = new ModelConfig(ModelConfig.FORMAT, ModelConfig.FORMAT_VERSION, Architecture.POOLED,
				Objective.RANK, 64, 64, 0, 0, 0.2, 128, 256, true, 1024, 10, 0.5, 2.0, null, 0, null);
		String json = new String(config.toJson(), java.nio.charset.StandardCharsets.UTF_8);
		String withoutMembers = json.replaceAll(",\\s*\"members\"\\s*:\\s*0", "")
			.replaceAll(",\\s*\"length_prior\"\\s*:\\s*null", "");

		assertThat(withoutMembers).doesNotContain("members").doesNotContain("length_prior");
		assertThat(ModelConfig.fromJson(withoutMembers.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.isEqualTo(config);
	}

	@Test
	void savedModelScoresAsTheTrainedOneAndWasNormalisedOnTrainingRewards() {
		TrainingResult result = trainer.train(groups, shortRun.toBuilder().optEpochs(2).build(), TrainingMonitor.NONE);
		List<RankedGroup> training = PromptSplit.of(groups, 0.2, shortRun.seed()).training();

		try (RewardModel first = RewardModel.load(result.artifact());
				RewardModel second = RewardModel.load(result.artifact())) {
			List<Double> rewards = new ArrayList<>();
			for (RankedGroup group : training) {
				List<String> texts = group.candidates().stream().map(Candidate::text).toList();
				double[] scores = first.rawScores(group.prompt(), texts);
				assertThat(second.rawScores(group.prompt(), texts)).containsExactly(scores);
				for (double score : scores) {
					rewards.add(score);
				}
			}
			double mean = rewards.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
			assertThat(mean).isCloseTo(result.rewardMean(), within(1e-4));
			assertThat(first.config().rewardStd()).isEqualTo(result.rewardStd()).isPositive();
			double[] normalised = first.score(training.get(0).prompt(),
					List.of(training.get(0).candidates().get(0).text()));
			double raw = rewards.get(0);
			assertThat(normalised[0]).isCloseTo((raw - result.rewardMean()) / result.rewardStd(), within(1e-6));
		}
	}

	@Test
	void sameSeedGivesTheSameRun() {
		TrainingSettings settings = shortRun.toBuilder().optEpochs(2).build();

		assertThat(trainer.train(groups, settings, TrainingMonitor.NONE).metrics())
			.isEqualTo(trainer.train(groups, settings, TrainingMonitor.NONE).metrics());
	}

	@Test
	void monitorCancelsARunWithinABatch() {
		AtomicInteger calls = new AtomicInteger();
		List<TrainingProgress> seen = new ArrayList<>();

		assertThatThrownBy(() -> trainer.train(groups, shortRun, progress -> {
			seen.add(progress);
			return calls.incrementAndGet() < 5;
		})).isInstanceOf(TrainingCancelledException.class);

		assertThat(calls).hasValue(5);
		assertThat(seen).extracting(TrainingProgress::fraction).isSorted().allMatch(f -> f > 0 && f < 1);
		// the time left is known once a step's pace is
		assertThat(seen.get(0).secondsLeft()).isNull();
		assertThat(seen.subList(1, 5)).extracting(TrainingProgress::secondsLeft).allMatch(s -> s != null && s >= 0);
		// the run freed its model and trainer: the next one starts from scratch and
		// finishes
		assertThat(trainer.train(groups, shortRun.toBuilder().optEpochs(1).build(), TrainingMonitor.NONE).metrics())
			.hasSize(1);
	}

	@Test
	void directScoreLearnsFromScores() {
		List<RankedGroup> scored = new ArrayList<>();
		for (RankedGroup group : groups) {
			Map<Long, Integer> scores = new HashMap<>();
			for (int tier = 0; tier < group.tiers().size(); tier++) {
				for (Long id : group.tiers().get(tier)) {
					scores.put(id, Math.max(1, 7 - tier * 2));
				}
			}
			scored.add(new RankedGroup(group.promptId(), group.prompt(), group.candidates(), group.tiers(), scores));
		}

		TrainingResult result = trainer.train(scored, shortRun.toBuilder().optObjective(Objective.DIRECT_SCORE).build(),
				TrainingMonitor.NONE);

		assertThat(result.last().valAccuracy()).isGreaterThanOrEqualTo(0.85);
	}

	@Test
	void refusesDirectScoreWithoutScores() {
		assertThatThrownBy(() -> trainer.train(groups,
				shortRun.toBuilder().optObjective(Objective.DIRECT_SCORE).build(), TrainingMonitor.NONE))
			.isInstanceOf(NotTrainableException.class)
			.hasMessageContaining("score");
	}

	@Test
	void refusesRankingsThatAreAllTies() {
		List<RankedGroup> ties = groups.stream()
			.map(g -> new RankedGroup(g.promptId(), g.prompt(), g.candidates(),
					List.of(g.candidates().stream().map(Candidate::id).toList())))
			.toList();

		assertThatThrownBy(() -> trainer.train(ties, shortRun, TrainingMonitor.NONE))
			.isInstanceOf(NotTrainableException.class);
	}

}
