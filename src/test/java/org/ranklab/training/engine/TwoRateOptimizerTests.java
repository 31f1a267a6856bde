package org.ranklab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

class TwoRateOptimizerTests {

	@Test
	void eachParameterStepsAtTheRateOfItsPart() {
		try (NDManager manager = NativeEngine.get().newBaseManager()) {
			Optimizer optimizer = new TwoRateOptimizer(sgd(0.1f), sgd(10f), Set.of("head.weight"));
			NDArray body = manager.create(new float[] { 1f, 2f });
			NDArray head = manager.create(new float[] { 1f, 2f });

			optimizer.update("encoder.weight", body, manager.create(new float[] { 0.01f, -0.01f }));
			optimizer.update("head.weight", head, manager.create(new float[] { 0.01f, -0.01f }));

			assertThat(body.toFloatArray()).containsExactly(new float[] { 0.999f, 2.001f }, within(1e-6f));
			assertThat(head.toFloatArray()).containsExactly(new float[] { 0.9f, 2.1f }, within(1e-6f));
		}
	}

	private static Optimizer sgd(float rate) {
		return Optimizer.sgd().setLearningRateTracker(Tracker.fixed(rate)).build();
	}

}
