package org.ranklab.export;

import java.util.List;

/**
 * The consensus ranking of one prompt, for other modules (training on consensus
 * rankings).
 */
public final class Consensus {

	private Consensus() {
	}

	/**
	 * Merges one prompt's rankings (each tiers of candidate ids, best first) with
	 * Tideman's ranked pairs, exactly as the consensus export does.
	 */
	public static List<List<Long>> of(List<List<List<Long>>> rankings) {
		return RankedPairs.consensus(rankings.stream().map(Tiers::new).toList()).tiers();
	}

}
