package org.ranklab.training.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Bradley-Terry model on the length features alone ({@link TextEncoder#FEATURES}):
 * reward = weights · features, fitted by Newton's method on the training pairs before the
 * network trains. The network's reward is added to it, so the network learns what the
 * texts say beyond their length. Preference data reward length (or, for harmlessness,
 * brevity), and a network trained on a few hundred rankings learns the words of its
 * training prompts faster than that (bench/training/README.md).
 */
final class LengthPrior {

	/**
	 * L2 penalty on the mean loss per ranking: only keeps the fit defined when a feature
	 * never differs within a ranking (the prompt's own length never does).
	 */
	private static final double PENALTY = 1e-3;

	private static final int MAX_ITERATIONS = 50;

	private LengthPrior() {
	}

	/**
	 * The weights minimising the mean over rankings of each ranking's mean pair loss -log
	 * sigmoid(w · (f_winner - f_loser)), the rank loss of the network.
	 */
	static List<Double> fit(EncodedRankings training) {
		int f = TextEncoder.FEATURES;
		List<double[]> differences = new ArrayList<>();
		List<Double> weights = new ArrayList<>();
		for (RankingExample example : training.examples) {
			for (int[] pair : example.pairs()) {
				differences.add(difference(training, example.rows()[pair[0]], example.rows()[pair[1]]));
				weights.add(1.0 / (example.pairs().length * training.examples.size()));
			}
		}
		double[] w = new double[f];
		for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
			double[] gradient = new double[f];
			double[][] hessian = new double[f][f];
			for (int i = 0; i < f; i++) {
				gradient[i] = PENALTY * w[i];
				hessian[i][i] = PENALTY;
			}
			for (int k = 0; k < differences.size(); k++) {
				double[] d = differences.get(k);
				double weight = weights.get(k);
				double p = sigmoid(dot(w, d));
				for (int i = 0; i < f; i++) {
					gradient[i] -= weight * (1 - p) * d[i];
					for (int j = 0; j < f; j++) {
						hessian[i][j] += weight * p * (1 - p) * d[i] * d[j];
					}
				}
			}
			double[] step = solve(hessian, gradient);
			for (int i = 0; i < f; i++) {
				w[i] -= step[i];
			}
			if (Arrays.stream(step).map(Math::abs).max().orElse(0) < 1e-9) {
				break;
			}
		}
		return Arrays.stream(w).boxed().toList();
	}

	private static double[] difference(EncodedRankings data, int winner, int loser) {
		float[] a = data.table.get(winner).features();
		float[] b = data.table.get(loser).features();
		double[] d = new double[a.length];
		for (int i = 0; i < a.length; i++) {
			d[i] = a[i] - b[i];
		}
		return d;
	}

	private static double dot(double[] a, double[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

	private static double sigmoid(double x) {
		return 1 / (1 + Math.exp(-x));
	}

	/**
	 * Solves a x = b for a symmetric positive definite a by Gaussian elimination with
	 * partial pivoting (a and b are small and used up).
	 */
	private static double[] solve(double[][] a, double[] b) {
		int n = b.length;
		for (int col = 0; col < n; col++) {
			int pivot = col;
			for (int row = col + 1; row < n; row++) {
				if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
					pivot = row;
				}
			}
			double[] rowSwap = a[col];
			a[col] = a[pivot];
			a[pivot] = rowSwap;
			double valueSwap = b[col];
			b[col] = b[pivot];
			b[pivot] = valueSwap;
			for (int row = col + 1; row < n; row++) {
				double factor = a[row][col] / a[col][col];
				b[row] -= factor * b[col];
				for (int k = col; k < n; k++) {
					a[row][k] -= factor * a[col][k];
				}
			}
		}
		double[] x = new double[n];
		for (int row = n - 1; row >= 0; row--) {
			double sum = b[row];
			for (int k = row + 1; k < n; k++) {
				sum -= a[row][k] * x[k];
			}
			x[row] = sum / a[row][row];
		}
		return x;
	}

}
