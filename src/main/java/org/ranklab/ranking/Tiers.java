package org.ranklab.ranking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A ranking as tiers of candidate ids, best first; ids in one tier are tied. The relation
 * of two candidates is read off their tier numbers.
 */
public record Tiers(List<List<Long>> tiers) {

	public Tiers {
		tiers = tiers.stream().map(List::copyOf).toList();
	}

	/**
	 * Reads tiers as the database stores them, a JSON array of arrays of ids
	 * ({@code [[12], [14, 13]]}). Written by hand because exports read one per row and a
	 * JSON tree per row would cost more than the rest.
	 */
	public static Tiers parse(String json) {
		List<List<Long>> tiers = new ArrayList<>();
		List<Long> tier = null;
		long id = 0;
		boolean inId = false;
		for (int i = 0; i < json.length(); i++) {
			char c = json.charAt(i);
			if (c >= '0' && c <= '9') {
				id = id * 10 + (c - '0');
				inId = true;
				continue;
			}
			if (inId) {
				if (tier == null) {
					throw new IllegalArgumentException("not tiers of ids: " + json);
				}
				tier.add(id);
				id = 0;
				inId = false;
			}
			if (c == '[' && i > 0) {
				tier = new ArrayList<>();
			}
			else if (c == ']' && tier != null) {
				tiers.add(tier);
				tier = null;
			}
			else if (c != '[' && c != ']' && c != ',' && !Character.isWhitespace(c)) {
				throw new IllegalArgumentException("not tiers of ids: " + json);
			}
		}
		return new Tiers(tiers);
	}

	/** The tiers with ids as strings, as the public API writes ids. */
	public List<List<String>> asStrings() {
		return tiers.stream().map(tier -> tier.stream().map(String::valueOf).toList()).toList();
	}

	/** Tier number of each candidate (0 = best). */
	public Map<Long, Integer> tierOf() {
		Map<Long, Integer> tierOf = new HashMap<>();
		for (int tier = 0; tier < tiers.size(); tier++) {
			for (Long id : tiers.get(tier)) {
				tierOf.put(id, tier);
			}
		}
		return tierOf;
	}

	public List<Long> candidates() {
		return tiers.stream().flatMap(List::stream).toList();
	}

	public List<Long> best() {
		return tiers.isEmpty() ? List.of() : tiers.get(0);
	}

	/**
	 * Every ordered (chosen, rejected) pair: each candidate against each candidate of
	 * every lower tier. Tied candidates give no pair.
	 */
	public List<long[]> preferencePairs() {
		List<long[]> pairs = new ArrayList<>();
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
