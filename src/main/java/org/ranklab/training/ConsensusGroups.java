package org.ranklab.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ranklab.ranking.RankedPairs;
import org.ranklab.ranking.Tiers;
import org.ranklab.training.engine.Candidate;
import org.ranklab.training.engine.RankedGroup;

/**
 * Training source {@code consensus}: one group per prompt, ranked by the consensus of its
 * rankings, with each candidate's mean score (rounded) where the rankings carry scores.
 */
final class ConsensusGroups {

	private ConsensusGroups() {
	}

	/**
	 * Merges groups that come ordered by prompt, as {@link TrainingData#rankings} returns
	 * them.
	 */
	static List<RankedGroup> merge(List<RankedGroup> rankings) {
		List<RankedGroup> merged = new ArrayList<>();
		int start = 0;
		for (int i = 1; i <= rankings.size(); i++) {
			if (i == rankings.size() || rankings.get(i).promptId() != rankings.get(start).promptId()) {
				merged.add(mergePrompt(rankings.subList(start, i)));
				start = i;
			}
		}
		return merged;
	}

	private static RankedGroup mergePrompt(List<RankedGroup> ofOnePrompt) {
		Map<Long, Candidate> candidates = new LinkedHashMap<>();
		Map<Long, int[]> scoreSums = new HashMap<>();
		for (RankedGroup ranking : ofOnePrompt) {
			ranking.candidates().forEach(c -> candidates.putIfAbsent(c.id(), c));
			ranking.scores().forEach((id, score) -> {
				int[] sum = scoreSums.computeIfAbsent(id, k -> new int[2]);
				sum[0] += score;
				sum[1]++;
			});
		}
		List<List<Long>> tiers = RankedPairs
			.consensus(ofOnePrompt.stream().map(ranking -> new Tiers(ranking.tiers())).toList())
			.tiers();
		Map<Long, Integer> meanScores = new HashMap<>();
		scoreSums.forEach((id, sum) -> meanScores.put(id, Math.round((float) sum[0] / sum[1])));
		RankedGroup first = ofOnePrompt.get(0);
		return new RankedGroup(first.promptId(), first.prompt(), List.copyOf(candidates.values()), tiers, meanScores);
	}

}
