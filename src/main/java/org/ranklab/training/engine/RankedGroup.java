package org.ranklab.training.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One labeler's ranking of a prompt's candidates: the unit of training.
 *
 * @param promptId the prompt; several groups (several labelers) may share it
 * @param prompt the prompt text
 * @param candidates the candidates that were ranked
 * @param tiers candidate ids, best tier first; a tier with two or more ids is a tie
 * @param scores optional 1..7 score per candidate id (empty when the project collects
 * none)
 */
public record RankedGroup(long promptId, String prompt, List<Candidate> candidates, List<List<Long>> tiers,
		Map<Long, Integer> scores) {

	public RankedGroup {
		candidates = List.copyOf(candidates);
		tiers = tiers.stream().map(List::copyOf).toList();
		scores = scores == null ? Map.of() : Map.copyOf(scores);
	}

	public RankedGroup(long promptId, String prompt, List<Candidate> candidates, List<List<Long>> tiers) {
		this(promptId, prompt, candidates, tiers, Map.of());
	}

	/**
	 * Ordered pairs (winner, loser) of candidate indexes in {@link #candidates()}; tied
	 * candidates give none.
	 */
	public List<int[]> orderedPairs() {
		Map<Long, Integer> index = new HashMap<>();
		for (int i = 0; i < candidates.size(); i++) {
			index.put(candidates.get(i).id(), i);
		}
		List<int[]> pairs = new ArrayList<>();
		for (int better = 0; better < tiers.size(); better++) {
			for (int worse = better + 1; worse < tiers.size(); worse++) {
				for (Long winner : tiers.get(better)) {
					for (Long loser : tiers.get(worse)) {
						Integer w = index.get(winner);
						Integer l = index.get(loser);
						if (w != null && l != null) {
							pairs.add(new int[] { w, l });
						}
					}
				}
			}
		}
		return pairs;
	}

	/** True when every candidate carries a score. */
	public boolean hasScores() {
		return !candidates.isEmpty() && candidates.stream().allMatch(c -> scores.containsKey(c.id()));
	}

}
