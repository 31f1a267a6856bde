package org.ranklab.export;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A ranking as tiers of candidate ids, best first; ids in one tier are tied. The relation of two
 * candidates is read off their tier numbers.
 */
record Tiers(List<List<Long>> tiers) {

	Tiers {
		tiers = tiers.stream().map(List::copyOf).toList();
	}

	/** Tier number of each candidate (0 = best). */
	Map<Long, Integer> tierOf() {
		Map<Long, Integer> tierOf = new HashMap<>();
		for (int tier = 0; tier < tiers.size(); tier++) {
			for (Long id : tiers.get(tier)) {
				tierOf.put(id, tier);
			}
		}
		return tierOf;
	}

	List<Long> candidates() {
		return tiers.stream().flatMap(List::stream).toList();
	}

	List<Long> best() {
		return tiers.isEmpty() ? List.of() : tiers.get(0);
	}

	/**
	 * Every ordered (chosen, rejected) pair: each candidate against each candidate of every lower tier.
	 * Tied candidates give no pair.
	 */
	List<long[]> preferencePairs() {
		List<long[]> pairs = new java.util.ArrayList<>();
		for (int better = 0; better < tiers.size(); better++) {
			for (int worse = better + 1; worse < tiers.size(); worse++) {
				for (Long chosen : tiers.get(better)) {
					for (Long rejected : tiers.get(worse)) {
						pairs.add(new long[] { chosen, rejected });
					}
				}
			}
		}
		return pairs;
	}

}
