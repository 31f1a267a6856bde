package org.ranklab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class TrainingSettingsTests {

	private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

	@Test
	void everyArchitectureStartsFromItsMeasuredDefaults() {
		assertThat(TrainingSettings.builder().build())
			.isEqualTo(new TrainingSettings(Objective.RANK, Architecture.POOLED, 4, 3e-3, 32, 0.1, 42, 128, 256, 64, 64,
					1.0, 0.2, 0.25, THREADS, 2, 0, 1, true, null));
		assertThat(TrainingSettings.builder(Architecture.ENSEMBLE).build())
			.isEqualTo(new TrainingSettings(Objective.RANK, Architecture.ENSEMBLE, 4, 3e-3, 32, 0.1, 42, 128, 256, 64,
					64, 1.0, 0.2, 0.25, THREADS, 2, 0, 1, true, null));
		assertThat(TrainingSettings.builder(Architecture.MINILM).build())
			.isEqualTo(new TrainingSettings(Objective.RANK, Architecture.MINILM, 1, 3e-3, 32, 0.1, 42, 128, 256, 64, 64,
					1.0, 0.2, 0.25, THREADS, 2, 0, 1, true, null));
		assertThat(TrainingSettings.builder(Architecture.TRANSFORMER).build())
			.isEqualTo(new TrainingSettings(Objective.RANK, Architecture.TRANSFORMER, 3, 1e-3, 16, 0.1, 42, 64, 96, 64,
					64, 1.0, 0.1, 0.25, THREADS, 2, 0, 1, true, null));
		assertThat(TrainingSettings.builder(Architecture.FINETUNED).build())
			.isEqualTo(new TrainingSettings(Objective.RANK, Architecture.FINETUNED, TrainingSettings.FINETUNED_EPOCHS,
					TrainingSettings.FINETUNED_LEARNING_RATE, TrainingSettings.FINETUNED_BATCH_SIZE, 0.1, 42,
					TrainingSettings.FINETUNED_PROMPT_TOKENS, TrainingSettings.FINETUNED_RESPONSE_TOKENS, 384, 64, 0.01,
					0.1, 0, THREADS, 6, TrainingSettings.FINETUNED_FROZEN_LAYERS,
					TrainingSettings.FINETUNED_HEAD_LEARNING_RATE_FACTOR, true, null));
	}

	@Test
	void optionsChangeOnlyWhatTheyName() {
		TrainingSettings settings = TrainingSettings.builder(Architecture.TRANSFORMER)
			.optObjective(Objective.DIRECT_SCORE)
			.optEpochs(7)
			.optLearningRate(0.01)
			.optBatchSize(5)
			.optValidationFraction(0.3)
			.optSeed(9)
			.optMaxTokens(10, 20)
			.optEmbeddingSize(8)
			.optHiddenSize(16)
			.optWeightDecay(0.5)
			.optDropout(0.05)
			.optTokenDropout(0)
			.optThreads(1)
			.optLayers(3)
			.optFrozenLayers(1)
			.optHeadLearningRateFactor(2)
			.optLengthPrior(false)
			.build();

		assertThat(settings).isEqualTo(new TrainingSettings(Objective.DIRECT_SCORE, Architecture.TRANSFORMER, 7, 0.01,
				5, 0.3, 9, 10, 20, 8, 16, 0.5, 0.05, 0, 1, 3, 1, 2, false, null));
		assertThat(settings.toBuilder().build()).isEqualTo(settings);
		assertThat(settings.toBuilder().optEpochs(2).build().epochs()).isEqualTo(2);
	}

	@Test
	void theApiFillsWhatARequestLeftOutWithTheArchitecturesDefaults() {
		assertThat(TrainingSettings.of(null, null, null, null, null, null, null, null, null))
			.isEqualTo(TrainingSettings.builder(Architecture.DEFAULT).build());
		assertThat(
				TrainingSettings.of(Objective.DIRECT_SCORE, Architecture.TRANSFORMER, 2, null, 8, null, 5L, null, null))
			.isEqualTo(TrainingSettings.builder(Architecture.TRANSFORMER)
				.optObjective(Objective.DIRECT_SCORE)
				.optEpochs(2)
				.optBatchSize(8)
				.optSeed(5)
				.build());
		assertThat(TrainingSettings.of(Objective.DIRECT_SCORE, null, null, null, null, null, null, true, null)
			.lengthPrior()).as("a prior on pairs is never fitted to scores").isFalse();
	}

	@Test
	void anEnsembleTrainsTheMembersAskedForAndOtherArchitecturesOnlyThemselves() {
		List<Architecture> members = List.of(Architecture.POOLED, Architecture.FINETUNED);

		assertThat(TrainingSettings.builder(Architecture.ENSEMBLE).build().members())
			.isEqualTo(Architecture.ENSEMBLE_MEMBERS);
		assertThat(TrainingSettings.builder(Architecture.ENSEMBLE).optMembers(members).build().members())
			.isEqualTo(members);
		assertThat(TrainingSettings.builder(Architecture.POOLED).optMembers(members).build().members())
			.containsExactly(Architecture.POOLED);
		for (List<Architecture> wrong : List.of(List.<Architecture>of(), List.of(Architecture.ENSEMBLE),
				Collections.nCopies(9, Architecture.POOLED))) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> TrainingSettings.builder(Architecture.ENSEMBLE).optMembers(wrong).build())
				.withMessageStartingWith("ensemble_members");
		}
	}

	@Test
	void buildRefusesValuesOutOfRangeNamingTheField() {
		assertThatIllegalArgumentException().isThrownBy(() -> TrainingSettings.builder().optEpochs(0).build())
			.withMessageStartingWith("epochs");
		assertThatIllegalArgumentException().isThrownBy(() -> TrainingSettings.builder().optLearningRate(2).build())
			.withMessageStartingWith("learning_rate");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TrainingSettings.builder().optValidationFraction(1).build())
			.withMessageStartingWith("validation_fraction");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TrainingSettings.builder().optLayers(2).optFrozenLayers(3).build())
			.withMessageStartingWith("frozen_layers");
	}

}
