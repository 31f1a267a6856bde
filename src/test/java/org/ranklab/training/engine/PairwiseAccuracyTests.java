package org.ranklab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

class PairwiseAccuracyTests {

	private final PairwiseAccuracy accuracy = new PairwiseAccuracy();

	@Test
	void countsPairsWonByTheWinnerAndTiesAsHalf() {
		// ranking 1: rows 0 > 1 > 2 with rewards 3, 1, 1: (0,1) right, (0,2) right, (1,2)
		// tie
		// ranking 2: rows 3 > 4 with rewards 0, 2: wrong
		List<RankingExample> examples = List.of(
				new RankingExample(new int[] { 0, 1, 2 }, new int[][] { { 0, 1 }, { 0, 2 }, { 1, 2 } }, new float[3]),
				new RankingExample(new int[] { 3, 4 }, new int[][] { { 0, 1 } }, new float[2]));

		accuracy.addAccumulator("v");
		update(examples, new double[] { 3, 1, 1, 0, 2 });

		assertThat(accuracy.accuracy("v")).isEqualTo(2.5 / 4);
	}

	@Test
	void accumulatesOverBatchesUntilReset() {
		RankingExample oneRanking = new RankingExample(new int[] { 0, 1 }, new int[][] { { 0, 1 } }, new float[2]);
		accuracy.addAccumulator("v");

		update(List.of(oneRanking), new double[] { 1, 0 });
		update(List.of(oneRanking, oneRanking), new double[] { 1, 0, 0, 1 });

		assertThat(accuracy.accuracy("v")).isEqualTo(2.0 / 3);
		assertThat(accuracy.getAccumulator("v")).isEqualTo((float) (2.0 / 3));
		accuracy.resetAccumulator("v");
		assertThat(accuracy.accuracy("v")).isNaN();
	}

	@Test
	void keepsRewardsThatDifferOnlyInDoublePrecisionApart() {
		RankingExample oneRanking = new RankingExample(new int[] { 0, 1 }, new int[][] { { 0, 1 } }, new float[2]);
		accuracy.addAccumulator("v");

		update(List.of(oneRanking), new double[] { 1 + 1e-12, 1 });

		assertThat(accuracy.accuracy("v")).isEqualTo(1.0);
	}

	@Test
	void rankingsWithoutOrderedPairsCountNothing() {
		accuracy.addAccumulator("v");

		update(List.of(new RankingExample(new int[] { 0, 1 }, new int[0][], new float[2])), new double[] { 1, 0 });

		assertThat(accuracy.accuracy("v")).isNaN();
	}

	private void update(List<RankingExample> examples, double[] rewards) {
		try (NDManager manager = NativeEngine.get().newBaseManager()) {
			accuracy.updateAccumulator("v", accuracy.labels(manager, examples), new NDList(manager.create(rewards)));
		}
	}

}
