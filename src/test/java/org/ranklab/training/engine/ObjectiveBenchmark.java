package org.ranklab.training.engine;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * InstructGPT's reason for ranking rather than scoring, measured: simulated labelers
 * ({@link SimulatedLabelers}) whose rankings follow one underlying preference while their
 * 1..7 scores carry each labeler's own offset and scale. The rank and the direct-score
 * objectives are trained on the same prompts, with the pooled network's defaults (fixed
 * before this benchmark, nothing tuned on it), and compared on prompts held out from
 * training, against the hidden true order. Not part of the test suite:
 * {@code bench/training/run.sh objectives [seeds] [plot.png]}.
 */
public final class ObjectiveBenchmark {

	private static final double[] CALIBRATION_NOISE = { 0, 0.5, 1, 2 };

	private static final int TRAIN_PROMPTS = 800;

	private static final int TEST_PROMPTS = 400;

	private static final int CANDIDATES = 4;

	private static final int LABELERS = 20;

	private static final double[] JUDGEMENT_NOISE = { 0.5, 1, 2 };

	private static final Color[] COLOURS = { new Color(0x1f77b4), new Color(0x2ca02c), new Color(0xd62728) };

	public static void main(String[] args) throws IOException {
		int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
		Path plot = Path.of(args.length > 1 ? args[1] : "bench/training/objectives.png");
		RewardModelTrainer trainer = new RewardModelTrainer();
		System.out.printf(Locale.ROOT,
				"%d training and %d held-out prompts of %d candidates, %d labelers, pooled defaults, %d seeds%n",
				TRAIN_PROMPTS, TEST_PROMPTS, CANDIDATES, LABELERS, seeds);
		System.out
			.println("| judgement noise | calibration noise | rank | direct_score | rank - direct_score (paired) |");
		System.out.println("| ---: | ---: | ---: | ---: | ---: |");
		List<List<double[]>> curves = new ArrayList<>();
		for (double judgement : JUDGEMENT_NOISE) {
			List<double[]> curve = new ArrayList<>();
			for (double calibration : CALIBRATION_NOISE) {
				SimulatedLabelers labelers = new SimulatedLabelers(LABELERS, judgement, calibration);
				double[] rank = new double[seeds];
				double[] direct = new double[seeds];
				double[] difference = new double[seeds];
				for (int s = 0; s < seeds; s++) {
					long seed = 1000L * (s + 1);
					List<RankedGroup> prompts = SyntheticRankings.groups(TRAIN_PROMPTS + TEST_PROMPTS, CANDIDATES,
							seed);
					List<RankedGroup> train = labelers.rank(prompts.subList(0, TRAIN_PROMPTS), seed + 1);
					List<RankedGroup> test = prompts.subList(TRAIN_PROMPTS, prompts.size());
					rank[s] = heldOutAccuracy(trainer, train, test, Objective.RANK, seed);
					direct[s] = heldOutAccuracy(trainer, train, test, Objective.DIRECT_SCORE, seed);
					difference[s] = rank[s] - direct[s];
				}
				System.out.printf(Locale.ROOT, "| %.1f | %.1f | %s | %s | %s |%n", judgement, calibration, meanSd(rank),
						meanSd(direct), meanSd(difference));
				curve.add(new double[] { calibration, mean(rank), sd(rank), mean(direct), sd(direct) });
			}
			curves.add(curve);
		}
		draw(curves, plot);
		System.out.println("plot: " + plot);
	}

	/**
	 * Pairwise accuracy against the hidden quality, over untied pairs of unseen prompts.
	 */
	private static double heldOutAccuracy(RewardModelTrainer trainer, List<RankedGroup> train, List<RankedGroup> test,
			Objective objective, long seed) {
		TrainingSettings settings = TrainingSettings.builder()
			.optObjective(objective)
			.optValidationFraction(0)
			.optSeed(seed)
			.build();
		TrainingResult result = trainer.train(train, settings, TrainingMonitor.NONE);
		int right = 0;
		int pairs = 0;
		try (RewardModel model = RewardModel.load(result.artifact())) {
			for (RankedGroup group : test) {
				List<Candidate> candidates = group.candidates();
				double[] scores = model.score(group.prompt(), candidates.stream().map(Candidate::text).toList());
				for (int i = 0; i < candidates.size(); i++) {
					for (int j = i + 1; j < candidates.size(); j++) {
						int qi = SyntheticRankings.quality(candidates.get(i).text());
						int qj = SyntheticRankings.quality(candidates.get(j).text());
						if (qi != qj) {
							pairs++;
							right += (qi > qj) == (scores[i] > scores[j]) ? 1 : 0;
						}
					}
				}
			}
		}
		return (double) right / pairs;
	}

	private static String meanSd(double[] values) {
		return String.format(Locale.ROOT, "%.3f ± %.3f", mean(values), sd(values));
	}

	private static double mean(double[] values) {
		double sum = 0;
		for (double v : values) {
			sum += v;
		}
		return sum / values.length;
	}

	/** Sample standard deviation (0 for a single value). */
	private static double sd(double[] values) {
		if (values.length < 2) {
			return 0;
		}
		double mean = mean(values);
		double squares = 0;
		for (double v : values) {
			squares += (v - mean) * (v - mean);
		}
		return Math.sqrt(squares / (values.length - 1));
	}

	/**
	 * Accuracy against calibration noise with ± one sd bars: a colour per judgement
	 * noise, rank solid, direct score dashed.
	 */
	private static void draw(List<List<double[]>> curves, Path file) throws IOException {
		int width = 640;
		int height = 420;
		int left = 70;
		int right = 20;
		int top = 40;
		int bottom = 60;
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, height);
		double maxX = CALIBRATION_NOISE[CALIBRATION_NOISE.length - 1];
		double minY = 0.6;
		double maxY = 1.0;
		java.util.function.DoubleUnaryOperator x = v -> left + v / maxX * (width - left - right);
		java.util.function.DoubleUnaryOperator y = v -> top + (maxY - v) / (maxY - minY) * (height - top - bottom);
		g.setColor(Color.GRAY);
		g.drawLine(left, height - bottom, width - right, height - bottom);
		g.drawLine(left, top, left, height - bottom);
		g.setColor(Color.BLACK);
		for (double tick = minY; tick <= maxY + 1e-9; tick += 0.1) {
			int ty = (int) y.applyAsDouble(tick);
			g.drawLine(left - 4, ty, left, ty);
			g.drawString(String.format(Locale.ROOT, "%.1f", tick), left - 35, ty + 5);
		}
		for (double noise : CALIBRATION_NOISE) {
			int tx = (int) x.applyAsDouble(noise);
			g.drawLine(tx, height - bottom, tx, height - bottom + 4);
			g.drawString(String.format(Locale.ROOT, "%.1f", noise), tx - 8, height - bottom + 18);
		}
		g.drawString("labelers' calibration noise (sd of offset; scale sd half of it)", left + 60, height - 15);
		g.drawString("held-out pairwise accuracy vs the true order", left, top - 15);
		for (int j = 0; j < curves.size(); j++) {
			String noise = String.format(Locale.ROOT, "judgement noise %.1f", JUDGEMENT_NOISE[j]);
			series(g, curves.get(j), 1, new BasicStroke(2), COLOURS[j], "rank, " + noise, x, y, 2 * j);
			series(g, curves.get(j), 3,
					new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] { 6, 4 }, 0),
					COLOURS[j], "direct_score, " + noise, x, y, 2 * j + 1);
		}
		g.dispose();
		ImageIO.write(image, "png", file.toFile());
	}

	private static void series(Graphics2D g, List<double[]> rows, int column, BasicStroke stroke, Color color,
			String name, java.util.function.DoubleUnaryOperator x, java.util.function.DoubleUnaryOperator y,
			int legendRow) {
		g.setColor(color);
		g.setStroke(stroke);
		for (int i = 0; i < rows.size(); i++) {
			double[] row = rows.get(i);
			int px = (int) x.applyAsDouble(row[0]);
			int py = (int) y.applyAsDouble(row[column]);
			g.drawLine(px, (int) y.applyAsDouble(row[column] - row[column + 1]), px,
					(int) y.applyAsDouble(row[column] + row[column + 1]));
			g.fillOval(px - 4, py - 4, 8, 8);
			if (i > 0) {
				double[] before = rows.get(i - 1);
				g.drawLine((int) x.applyAsDouble(before[0]), (int) y.applyAsDouble(before[column]), px, py);
			}
		}
		int ly = 250 + 16 * legendRow;
		g.drawLine(80, ly, 110, ly);
		g.drawString(name, 118, ly + 5);
	}

}
