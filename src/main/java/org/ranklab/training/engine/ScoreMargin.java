package org.ranklab.training.engine;

/**
 * How sure a model is which of a prompt's candidates is best: the gap between its best
 * and its second best score. The smaller, the more a ranking of the prompt teaches; the
 * {@code model-margins} job records it for handing out by uncertainty, and
 * {@code bench/active} selects by it in the same way.
 */
public final class ScoreMargin {

	private ScoreMargin() {
	}

	/** The gap between the best and the second best of at least two scores. */
	public static double of(double[] scores) {
		if (scores.length < 2) {
			throw new IllegalArgumentException("a margin needs two scores, not " + scores.length);
		}
		double best = Double.NEGATIVE_INFINITY;
		double second = Double.NEGATIVE_INFINITY;
		for (double score : scores) {
			if (score > best) {
				second = best;
				best = score;
			}
			else if (score > second) {
				second = score;
			}
		}
		return best - second;
	}

}
