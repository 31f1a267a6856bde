package org.ranklab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

class RankPairLossTests {

	private static final Candidate A = new Candidate(11, "a");

	private static final Candidate B = new Candidate(12, "b");

	private static final Candidate C = new Candidate(13, "c");

	@Test
	void tiedCandidatesGiveNoPair() {
		RankedGroup group = new RankedGroup(1, "p", List.of(A, B, C), List.of(List.of(11L, 12L), List.of(13L)));

		assertThat(group.orderedPairs()).containsExactly(new int[] { 0, 2 }, new int[] { 1, 2 });
	}

	@Test
	void lossOfOneRankingIsTheMeanOverItsOrderedPairs() {
		// a > b = c: pairs (a, b) and (a, c); rewards a=2, b=0.5, c=1
		// softplus(0.5 - 2) = ln(1 + e^-1.5) = 0.201413, softplus(1 - 2) = ln(1 + e^-1) =
		// 0.313262
		float loss = rankLoss(new float[] { 2f, 0.5f, 1f }, List.of(example(List.of(List.of(11L), List.of(12L, 13L)))));

		assertThat(loss).isCloseTo((0.201413f + 0.313262f) / 2, within(1e-5f));
	}

	@Test
	void batchAveragesOverRankingsNotOverPairs() {
		// ranking 1: a > b > c with rewards 0, 0, 0: three pairs of ln 2 each, mean ln 2
		// = 0.693147
		// ranking 2: a > b with rewards 3, 1: one pair, softplus(-2) = 0.126928
		float loss = rankLoss(new float[] { 0f, 0f, 0f, 3f, 1f },
				List.of(example(List.of(List.of(11L), List.of(12L), List.of(13L))),
						new RankingExample(new int[] { 3, 4 }, new int[][] { { 0, 1 } }, new float[2])));

		assertThat(loss).isCloseTo((0.693147f + 0.126928f) / 2, within(1e-5f));
	}

	@Test
	void lossStaysFiniteForLargeMargins() {
		float wrong = rankLoss(new float[] { -50f, 50f, 0f }, List.of(example(List.of(List.of(11L), List.of(12L)))));
		float right = rankLoss(new float[] { 50f, -50f, 0f }, List.of(example(List.of(List.of(11L), List.of(12L)))));

		assertThat(wrong).isCloseTo(100f, within(1e-3f));
		assertThat(right).isCloseTo(0f, within(1e-6f));
	}

	@Test
	void directScoreLossIsBinaryCrossEntropyAgainstTheMappedScore() {
		// reward 0 with score 7 (target 1): -ln sigmoid(0) = ln 2 = 0.693147
		// reward 2 with score 1 (target 0): -ln(1 - sigmoid(2)) = softplus(2) = 2.126928
		// reward 0 with score 4 (target 0.5): ln 2 = 0.693147
		RankedGroup group = new RankedGroup(1, "p", List.of(A, B, C), List.of(List.of(11L), List.of(12L, 13L)),
				Map.of(11L, 7, 12L, 1, 13L, 4));
		RankingExample example = new RankingExample(new int[] { 0, 1, 2 }, group.orderedPairs().toArray(int[][]::new),
				new float[] { ScoreLoss.target(7), ScoreLoss.target(1), ScoreLoss.target(4) });
		try (NDManager manager = NativeEngine.get().newBaseManager()) {
			float loss = new ScoreLoss()
				.evaluate(new ScoreLoss().labels(manager, List.of(example)),
						new NDList(manager.create(new float[] { 0f, 2f, 0f })))
				.getFloat();

			assertThat(loss).isCloseTo((0.693147f + 2.126928f + 0.693147f) / 3, within(1e-5f));
		}
	}

	private static RankingExample example(List<List<Long>> tiers) {
		RankedGroup group = new RankedGroup(1, "p", List.of(A, B, C), tiers);
		return new RankingExample(new int[] { 0, 1, 2 }, group.orderedPairs().toArray(int[][]::new), new float[3]);
	}

	private static float rankLoss(float[] rewards, List<RankingExample> examples) {
		try (NDManager manager = NativeEngine.get().newBaseManager()) {
			RankPairLoss loss = new RankPairLoss();
			return loss.evaluate(loss.labels(manager, examples), new NDList(manager.create(rewards))).getFloat();
		}
	}

}
