package org.ranklab.training.engine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Does handing out by uncertainty help (bench/active/README.md)? Simulated labelers rank
 * a pool of prompts from the shared data with the data's own preference; after every
 * {@code step} rankings the pooled reward model is trained on all rankings collected so
 * far and measured on a fixed held-out set of prompts that is never handed out. Three
 * hand-out orders are compared on the same split, labels and training seed: completion
 * (the import order, today's default), random, and uncertainty (the smallest
 * {@link ScoreMargin} of the newest model first, the import order before the first model
 * and among equal margins, as {@code tasks/next} does). Not part of the test suite: run
 * by bench/active/run.sh.
 */
public final class ActiveLearningBenchmark {

	private static final Path DATA = Path.of(System.getProperty("ranklab.data", "../shared/data"));

	enum Order {

		COMPLETION, RANDOM, UNCERTAINTY;

		String apiName() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * @param dataset hh or oasst
	 * @param seeds seeds 1..seeds, each its own test split, labeler noise and training
	 * seed
	 * @param step rankings handed out between two trainings
	 * @param max rankings after which a curve stops
	 * @param noise probability that a simulated labeler swaps two neighbouring tiers of
	 * the data's ranking
	 * @param testFraction share of prompts held out for measuring
	 * @param full also train once per seed on the whole pool, the level all orders end at
	 * @param out the CSV file written
	 */
	record Settings(String dataset, int seeds, int step, int max, double noise, double testFraction, boolean full,
			Path out) {

		static Settings parse(String[] args) {
			Map<String, String> given = new HashMap<>();
			for (int i = 1; i < args.length; i++) {
				String[] kv = args[i].split("=", 2);
				given.put(kv[0], kv[1]);
			}
			String dataset = args.length > 0 ? args[0] : "hh";
			return new Settings(dataset, Integer.parseInt(given.getOrDefault("seeds", "3")),
					Integer.parseInt(given.getOrDefault("step", "hh".equals(dataset) ? "100" : "20")),
					Integer.parseInt(given.getOrDefault("max", "hh".equals(dataset) ? "800" : "160")),
					Double.parseDouble(given.getOrDefault("noise", "0")),
					Double.parseDouble(given.getOrDefault("test", "0.2")),
					Boolean.parseBoolean(given.getOrDefault("full", "true")),
					Path.of(given.getOrDefault("out", "active-" + dataset + ".csv")));
		}

	}

	/** One point of a curve: accuracy on the test prompts after so many rankings. */
	record Point(int seed, String order, int rankings, long pairs, double accuracy, long trainingMillis) {

		String csv() {
			return String.format(Locale.ROOT, "%d,%s,%d,%d,%.4f,%d", seed, order, rankings, pairs, accuracy,
					trainingMillis);
		}

	}

	public static void main(String[] args) throws IOException {
		Settings settings = Settings.parse(args);
		List<RankedGroup> groups = "hh".equals(settings.dataset())
				? BenchmarkData.hh(DATA.resolve("hh_harmless_test.jsonl.gz"))
				: BenchmarkData.oasst(DATA.resolve("oasst_en_100_tree.jsonl"));
		TrainingSettings training = TrainingSettings.builder(Architecture.POOLED).optValidationFraction(0).build();
		System.out.printf(Locale.ROOT, "%s: %d rankings, %s, %s%n", settings.dataset(), groups.size(), settings,
				training);
		long started = System.nanoTime();
		List<Point> points = new ArrayList<>();
		try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(settings.out(), StandardCharsets.UTF_8))) {
			csv.println("seed,order,rankings,pairs,accuracy,training_ms");
			for (int seed = 1; seed <= settings.seeds(); seed++) {
				PromptSplit split = PromptSplit.of(groups, settings.testFraction(), seed);
				List<RankedGroup> answers = labelers(split.training(), settings.noise(), new Random(seed));
				Simulation simulation = new Simulation(answers, split.validation(),
						training.toBuilder().optSeed(seed).build(), settings.step(), settings.max());
				System.out.printf(Locale.ROOT, "seed %d: pool %d rankings, test %d rankings (%d pairs)%n", seed,
						answers.size(), split.validation().size(),
						split.validation().stream().mapToLong(g -> g.orderedPairs().size()).sum());
				List<Point> seedPoints = new ArrayList<>();
				for (Order order : Order.values()) {
					seedPoints.addAll(simulation.curve(order, seed));
				}
				if (settings.full()) {
					seedPoints.add(simulation.measure(answers, seed, "all"));
				}
				for (Point point : seedPoints) {
					csv.println(point.csv());
					System.out.println("ROW " + point.csv());
				}
				csv.flush();
				points.addAll(seedPoints);
			}
		}
		System.out.println(table(points));
		System.out.printf(Locale.ROOT, "RESULT %s: %d seeds in %.1f min%n", settings.dataset(), settings.seeds(),
				(System.nanoTime() - started) / 60e9);
	}

	/**
	 * The data's rankings as simulated labelers give them: with probability {@code noise}
	 * one pair of neighbouring tiers swapped (for a pair of candidates, the preference
	 * flipped). Drawn once per seed, so that every order sees the same answers.
	 */
	static List<RankedGroup> labelers(List<RankedGroup> pool, double noise, Random random) {
		List<RankedGroup> answers = new ArrayList<>(pool.size());
		for (RankedGroup group : pool) {
			double draw = random.nextDouble();
			int tiers = group.tiers().size();
			if (draw >= noise || tiers < 2) {
				answers.add(group);
				continue;
			}
			int at = random.nextInt(tiers - 1);
			List<List<Long>> swapped = new ArrayList<>(group.tiers());
			Collections.swap(swapped, at, at + 1);
			answers.add(new RankedGroup(group.promptId(), group.prompt(), group.candidates(), swapped));
		}
		return answers;
	}

	/** One seed: a pool of answered prompts in import order and the test prompts. */
	record Simulation(List<RankedGroup> pool, List<RankedGroup> test, TrainingSettings training, int step, int max) {

		List<Point> curve(Order order, int seed) {
			// positions in the pool, which is in import order (the prompts' id order)
			List<Integer> open = new ArrayList<>();
			for (int i = 0; i < pool.size(); i++) {
				open.add(i);
			}
			if (order == Order.RANDOM) {
				Collections.shuffle(open, new Random(seed * 7919L));
			}
			List<RankedGroup> collected = new ArrayList<>();
			List<Point> points = new ArrayList<>();
			for (int budget = step; budget <= max && !open.isEmpty(); budget += step) {
				while (collected.size() < budget && !open.isEmpty()) {
					collected.add(pool.get(open.remove(0)));
				}
				TrainingResult result = new RewardModelTrainer().train(collected, training, TrainingMonitor.NONE);
				try (RewardModel model = RewardModel.load(result.artifact())) {
					points.add(point(seed, order.apiName(), collected, result, model));
					if (order == Order.UNCERTAINTY && budget + step <= max) {
						byMargin(open, model);
					}
				}
			}
			return points;
		}

		Point measure(List<RankedGroup> rankings, int seed, String label) {
			TrainingResult result = new RewardModelTrainer().train(rankings, training, TrainingMonitor.NONE);
			try (RewardModel model = RewardModel.load(result.artifact())) {
				return point(seed, label, rankings, result, model);
			}
		}

		private Point point(int seed, String order, List<RankedGroup> collected, TrainingResult result,
				RewardModel model) {
			Point point = new Point(seed, order, collected.size(), result.trainingPairs(), accuracy(model, test),
					result.trainingMillis());
			System.out.printf(Locale.ROOT, "  %s %d rankings: accuracy %.3f (training %d ms)%n", order,
					point.rankings(), point.accuracy(), point.trainingMillis());
			return point;
		}

		/**
		 * Orders the open prompts as {@code tasks/next} does by uncertainty: smallest
		 * margin first, prompts without one last, import order among equals (a stable
		 * sort of a list in import order).
		 */
		private void byMargin(List<Integer> open, RewardModel model) {
			Map<Integer, Double> margins = new HashMap<>();
			for (int position : open) {
				RankedGroup group = pool.get(position);
				if (group.candidates().size() >= 2) {
					margins.put(position, ScoreMargin.of(scores(model, group)));
				}
			}
			Collections.sort(open);
			open.sort(Comparator.comparing(margins::get, Comparator.nullsLast(Comparator.naturalOrder())));
			double[] sorted = margins.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
			System.out.printf(Locale.ROOT, "  margins of %d open prompts: min %.4f, median %.4f, max %.4f%n",
					sorted.length, sorted[0], sorted[sorted.length / 2], sorted[sorted.length - 1]);
		}

	}

	/**
	 * Share of the test rankings' ordered pairs the model orders right; ties count half.
	 */
	static double accuracy(RewardModel model, List<RankedGroup> test) {
		double correct = 0;
		long pairs = 0;
		for (RankedGroup group : test) {
			double[] scores = scores(model, group);
			for (int[] pair : group.orderedPairs()) {
				double winner = scores[pair[0]];
				double loser = scores[pair[1]];
				correct += winner > loser ? 1 : winner == loser ? 0.5 : 0;
				pairs++;
			}
		}
		return correct / pairs;
	}

	/** The normalised scores the server uses, as the model-margins job takes them. */
	private static double[] scores(RewardModel model, RankedGroup group) {
		return model.score(group.prompt(), group.candidates().stream().map(Candidate::text).toList());
	}

	/**
	 * Markdown: per budget, each order's mean accuracy (sd over seeds) and the paired
	 * differences to completion order; then the level of training on the whole pool.
	 */
	static String table(List<Point> points) {
		Map<Integer, Map<String, List<Double>>> byBudget = new TreeMap<>();
		List<Double> all = new ArrayList<>();
		List<Integer> poolSizes = new ArrayList<>();
		for (Point p : points) {
			if (p.order().equals("all")) {
				all.add(p.accuracy());
				poolSizes.add(p.rankings());
				continue;
			}
			byBudget.computeIfAbsent(p.rankings(), b -> new HashMap<>())
				.computeIfAbsent(p.order(), o -> new ArrayList<>())
				.add(p.accuracy());
		}
		StringBuilder table = new StringBuilder(
				"| rankings | completion | random | uncertainty | random - completion | uncertainty - completion |\n"
						+ "| --- | --- | --- | --- | --- | --- |\n");
		for (var budget : byBudget.entrySet()) {
			Map<String, List<Double>> orders = budget.getValue();
			table.append("| ").append(budget.getKey());
			for (String order : List.of("completion", "random", "uncertainty")) {
				table.append(" | ").append(meanSd("%.3f", orders.get(order)));
			}
			for (String order : List.of("random", "uncertainty")) {
				table.append(" | ").append(meanSd("%+.3f", differences(orders.get(order), orders.get("completion"))));
			}
			table.append(" |\n");
		}
		if (!all.isEmpty()) {
			table.append(String.format(Locale.ROOT, "%nall rankings of the pool (%s): %s%n", poolSizes,
					meanSd("%.3f", all)));
		}
		return table.toString();
	}

	private static List<Double> differences(List<Double> a, List<Double> b) {
		if (a == null || b == null || a.size() != b.size()) {
			return null;
		}
		List<Double> differences = new ArrayList<>();
		for (int i = 0; i < a.size(); i++) {
			differences.add(a.get(i) - b.get(i));
		}
		return differences;
	}

	private static String meanSd(String format, List<Double> values) {
		if (values == null || values.isEmpty()) {
			return "";
		}
		double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
		double sd = Math
			.sqrt(values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / Math.max(1, values.size() - 1));
		return String.format(Locale.ROOT, format + " (%.3f)", mean, sd);
	}

}
