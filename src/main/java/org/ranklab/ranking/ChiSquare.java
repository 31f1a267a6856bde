package org.ranklab.ranking;

/**
 * The chi-square distribution's survival function, P(X >= x) for X with {@code df}
 * degrees of freedom: the regularized upper incomplete gamma function Q(df/2, x/2),
 * computed as in Numerical Recipes (a series below a + 1, Lentz's continued fraction
 * above) with a Lanczos log-gamma. Accurate to about 1e-10, more than a p-value needs.
 */
public final class ChiSquare {

	private static final int MAX_ITERATIONS = 1000;

	private static final double EPSILON = 1e-15;

	private static final double TINY = 1e-300;

	private static final double[] LANCZOS = { 0.99999999999980993, 676.5203681218851, -1259.1392167224028,
			771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
			1.5056327351493116e-7 };

	private ChiSquare() {
	}

	/** P(X >= x); 1 for x <= 0. */
	public static double survival(double x, int df) {
		if (df < 1) {
			throw new IllegalArgumentException("degrees of freedom must be at least 1, not " + df);
		}
		if (x <= 0) {
			return 1;
		}
		double a = df / 2.0;
		double half = x / 2.0;
		return half < a + 1 ? 1 - lowerSeries(a, half) : upperFraction(a, half);
	}

	/** P(a, x) by its series. */
	private static double lowerSeries(double a, double x) {
		double term = 1 / a;
		double sum = term;
		for (int n = 1; n < MAX_ITERATIONS; n++) {
			term *= x / (a + n);
			sum += term;
			if (Math.abs(term) < Math.abs(sum) * EPSILON) {
				break;
			}
		}
		return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
	}

	/** Q(a, x) by its continued fraction (modified Lentz). */
	private static double upperFraction(double a, double x) {
		double b = x + 1 - a;
		double c = 1 / TINY;
		double d = 1 / b;
		double h = d;
		for (int i = 1; i < MAX_ITERATIONS; i++) {
			double an = -i * (i - a);
			b += 2;
			d = an * d + b;
			if (Math.abs(d) < TINY) {
				d = TINY;
			}
			c = b + an / c;
			if (Math.abs(c) < TINY) {
				c = TINY;
			}
			d = 1 / d;
			double delta = d * c;
			h *= delta;
			if (Math.abs(delta - 1) < EPSILON) {
				break;
			}
		}
		return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
	}

	/** ln Γ(a) for a > 0 (Lanczos, g = 7). */
	static double logGamma(double a) {
		if (a < 0.5) {
			return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * a))) - logGamma(1 - a);
		}
		double z = a - 1;
		double sum = LANCZOS[0];
		double t = z + 7.5;
		for (int i = 1; i < LANCZOS.length; i++) {
			sum += LANCZOS[i] / (z + i);
		}
		return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
	}

}
