package org.ranklab.ranking;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether labelers favour a position: how often the candidate shown at each position
 * ended first, and a chi-square goodness-of-fit test of those first places against
 * chance. Add rankings one by one; memory holds two sums per position.
 * <p>
 * A top tier of {@code t} tied candidates gives each of their positions {@code 1/t} of a
 * first place. Under no bias, a ranking of {@code k} candidates gives each of its
 * positions {@code 1/k}: the expected first places of a position sum that over the
 * rankings that had it, so rankings of different sizes mix. The test is Pearson's
 * statistic over the positions with {@code positions - 1} degrees of freedom; it is only
 * trusted (a p-value given) when every position expects at least {@value #MIN_EXPECTED}
 * first places, the usual rule for the chi-square approximation.
 */
public final class PositionBias {

	/** Fewest expected first places per position for a p-value. */
	public static final double MIN_EXPECTED = 5;

	private final List<Double> observed = new ArrayList<>();

	private final List<Double> expected = new ArrayList<>();

	private final List<Long> shown = new ArrayList<>();

	private long rankings;

	/**
	 * @param presentedOrder the candidate ids in the order the labeler saw them
	 * @param ranking their ranking, best first
	 */
	public void add(List<Long> presentedOrder, Tiers ranking) {
		int k = presentedOrder.size();
		if (k < 2 || ranking == null || ranking.tiers().isEmpty()) {
			return;
		}
		Set<Long> first = Set.copyOf(ranking.tiers().get(0));
		while (observed.size() < k) {
			observed.add(0.0);
			expected.add(0.0);
			shown.add(0L);
		}
		for (int position = 0; position < k; position++) {
			shown.set(position, shown.get(position) + 1);
			expected.set(position, expected.get(position) + 1.0 / k);
			if (first.contains(presentedOrder.get(position))) {
				observed.set(position, observed.get(position) + 1.0 / first.size());
			}
		}
		rankings++;
	}

	public long rankings() {
		return rankings;
	}

	/**
	 * For each position (0 first), the share of rankings that showed a candidate there
	 * whose first place it took.
	 */
	public List<Double> firstPlaceByPosition() {
		List<Double> shares = new ArrayList<>(observed.size());
		for (int position = 0; position < observed.size(); position++) {
			shares.add(observed.get(position) / shown.get(position));
		}
		return shares;
	}

	/**
	 * The chi-square test's p-value; {@code null} with fewer than two positions or when a
	 * position expects fewer than {@value #MIN_EXPECTED} first places.
	 */
	public Double pValue() {
		if (observed.size() < 2) {
			return null;
		}
		double statistic = 0;
		for (int position = 0; position < observed.size(); position++) {
			double e = expected.get(position);
			if (e < MIN_EXPECTED) {
				return null;
			}
			double difference = observed.get(position) - e;
			statistic += difference * difference / e;
		}
		return ChiSquare.survival(statistic, observed.size() - 1);
	}

}
