package org.ranklab.ranking;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** How much rankings of the same candidates agree. */
public final class Agreement {

	private Agreement() {
	}

	/**
	 * Share of candidate pairs on which two rankings state the same relation (better,
	 * worse or tied), over the candidates both rank.
	 */
	public static OptionalDouble pairwise(Tiers x, Tiers y) {
		Map<Long, Integer> tx = x.tierOf();
		Map<Long, Integer> ty = y.tierOf();
		List<Long> shared = x.candidates().stream().filter(ty::containsKey).sorted().toList();
		int pairs = 0;
		int agreeing = 0;
		for (int i = 0; i < shared.size(); i++) {
			for (int j = i + 1; j < shared.size(); j++) {
				long a = shared.get(i);
				long b = shared.get(j);
				pairs++;
				if (Integer.signum(tx.get(a) - tx.get(b)) == Integer.signum(ty.get(a) - ty.get(b))) {
					agreeing++;
				}
			}
		}
		return pairs == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) agreeing / pairs);
	}

	/**
	 * Mean pairwise agreement over every pair of rankings; empty with fewer than two
	 * rankings.
	 */
	public static OptionalDouble mean(List<Tiers> rankings) {
		double sum = 0;
		int count = 0;
		for (int i = 0; i < rankings.size(); i++) {
			for (int j = i + 1; j < rankings.size(); j++) {
				OptionalDouble agreement = pairwise(rankings.get(i), rankings.get(j));
				if (agreement.isPresent()) {
					sum += agreement.getAsDouble();
					count++;
				}
			}
		}
		return count == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / count);
	}

	/**
	 * Kendall's tau-b between two rankings over the candidates both rank: (concordant -
	 * discordant) / sqrt((n0 - ties in x)(n0 - ties in y)). Empty when either ranking
	 * ties everything.
	 */
	public static OptionalDouble kendallTauB(Tiers x, Tiers y) {
		Map<Long, Integer> tx = x.tierOf();
		Map<Long, Integer> ty = y.tierOf();
		List<Long> shared = x.candidates().stream().filter(ty::containsKey).toList();
		long concordant = 0;
		long discordant = 0;
		long tiedX = 0;
		long tiedY = 0;
		long n0 = 0;
		for (int i = 0; i < shared.size(); i++) {
			for (int j = i + 1; j < shared.size(); j++) {
				int dx = Integer.signum(tx.get(shared.get(i)) - tx.get(shared.get(j)));
				int dy = Integer.signum(ty.get(shared.get(i)) - ty.get(shared.get(j)));
				n0++;
				tiedX += dx == 0 ? 1 : 0;
				tiedY += dy == 0 ? 1 : 0;
				concordant += dx * dy > 0 ? 1 : 0;
				discordant += dx * dy < 0 ? 1 : 0;
			}
		}
		double denominator = Math.sqrt((double) (n0 - tiedX) * (n0 - tiedY));
		return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of((concordant - discordant) / denominator);
	}

}
