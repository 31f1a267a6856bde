package org.ranklab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.ranklab.training.engine.TrainingProgress;

class TrainingProgressMessageTests {

	@Test
	void theMessageSaysHowLongTheRunHasLeftOnceItIsKnown() {
		assertThat(TrainingWorker.describe(new TrainingProgress(0.01, 1, 3, List.of(), null)))
			.isEqualTo("epoch 1 of 3");
		assertThat(TrainingWorker.describe(new TrainingProgress(0.5, 2, 3, List.of(), 42L)))
			.isEqualTo("epoch 2 of 3, about 42 s left");
		assertThat(TrainingWorker.describe(new TrainingProgress(0.1, 1, 1, List.of(), 725L)))
			.isEqualTo("epoch 1 of 1, about 12 min left");
	}

}
