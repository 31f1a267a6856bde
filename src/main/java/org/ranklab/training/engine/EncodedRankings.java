package org.ranklab.training.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct (prompt, candidate) texts of one side of the split, encoded once, and its
 * rankings as indexes into them.
 */
final class EncodedRankings {

	final List<EncodedText> table = new ArrayList<>();

	final List<RankingExample> examples = new ArrayList<>();

	static EncodedRankings of(List<RankedGroup> groups, TextEncoder encoder) {
		EncodedRankings encoded = new EncodedRankings();
		Map<String, Integer> rowOf = new HashMap<>();
		Map<Long, TextEncoder.PromptTokens> prompts = new HashMap<>();
		for (RankedGroup group : groups) {
			TextEncoder.PromptTokens prompt = prompts.computeIfAbsent(group.promptId(),
					id -> encoder.prompt(group.prompt()));
			int[] rows = new int[group.candidates().size()];
			float[] targets = new float[rows.length];
			for (int i = 0; i < rows.length; i++) {
				Candidate candidate = group.candidates().get(i);
				rows[i] = rowOf.computeIfAbsent(group.promptId() + ":" + candidate.id(), key -> {
					encoded.table.add(encoder.encode(prompt, candidate.text()));
					return encoded.table.size() - 1;
				});
				Integer score = group.scores().get(candidate.id());
				targets[i] = score == null ? Float.NaN : ScoreLoss.target(score);
			}
			encoded.examples.add(new RankingExample(rows, group.orderedPairs().toArray(int[][]::new), targets));
		}
		return encoded;
	}

	/** The table rows of a batch of rankings, ranking after ranking. */
	List<EncodedText> rows(List<RankingExample> batch) {
		List<EncodedText> rows = new ArrayList<>();
		for (RankingExample example : batch) {
			for (int row : example.rows()) {
				rows.add(table.get(row));
			}
		}
		return rows;
	}

	long unitsPerEpoch(Objective objective) {
		return examples.stream()
			.mapToLong(e -> objective == Objective.RANK ? e.pairs().length : e.targets().length)
			.sum();
	}

}
