package org.ranklab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RewardModelTrainerTests {

	private final RewardModelTrainer trainer = new RewardModelTrainer();

	@Test
	void pooledNetworkLearnsAHiddenOrderOfWords() {
		List<RankedGroup> groups = SyntheticRankings.groups(150, 4, 7);
		TrainingSettings settings = TrainingSettings.defaults().withValidationFraction(0.2).withEpochs(8).withBatchSize(8);

		TrainingResult result = trainer.train(groups, settings, TrainingMonitor.NONE);

		System.out.println(result.metrics());
		assertThat(result.last().valAccuracy()).isGreaterThanOrEqualTo(0.9);
	}

}
