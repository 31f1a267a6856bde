package org.ranklab.training.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The evaluation protocol of bench/training/README.md: K disjoint folds of whole clusters
 * (HH: first human turn; OpenAssistant: conversation tree); in each fold, every
 * architecture's settings are chosen among a small grid on an inner validation split of
 * the training folds only, and the chosen model (trained on the inner training part) is
 * measured once on the held-out fold, pair by pair, beside the length-only baseline
 * (longer response wins). Reports mean and standard deviation over folds and the paired
 * difference against {@code pooled} and against length, with a paired t over folds and a
 * cluster bootstrap over the held-out pairs.
 *
 * <pre>
 * DATASET K [folds=1,2] [archs=pooled,finetuned] [fraction=0.5] [members=pooled+finetuned] [grid=ARCH:key=value;key=value|...] [key=value ...]
 * </pre>
 */
public final class ProtocolBenchmark {

	private static final Path DATA = Path.of(System.getProperty("ranklab.data", "../shared/data"));

	private static final double INNER_VALIDATION = 0.2;

	private static final int BOOTSTRAP_ROUNDS = 2000;

	private ProtocolBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String dataset = args[0];
		int k = Integer.parseInt(args[1]);
		Path oasst = DATA.resolve("oasst_en_100_tree.jsonl");
		List<RankedGroup> groups = "hh".equals(dataset) ? BenchmarkData.hh(DATA.resolve("hh_harmless_test.jsonl.gz"))
				: BenchmarkData.oasst(oasst);
		Map<Long, String> clusters = BenchmarkData.clusters(dataset, groups, oasst);
		List<Integer> folds = new ArrayList<>();
		for (int f = 1; f <= k; f++) {
			folds.add(f);
		}
		List<String> architectures = List.of("pooled", "finetuned");
		Map<String, List<String>> grids = new HashMap<>();
		List<String> common = new ArrayList<>();
		double fraction = 1;
		for (int i = 2; i < args.length; i++) {
			String arg = args[i];
			if (arg.startsWith("folds=")) {
				folds = Arrays.stream(arg.substring(6).split(",")).map(Integer::parseInt).toList();
			}
			else if (arg.startsWith("fraction=")) {
				fraction = Double.parseDouble(arg.substring(9));
			}
			else if (arg.startsWith("archs=")) {
				architectures = List.of(arg.substring(6).split(","));
			}
			else if (arg.startsWith("grid=")) {
				// grid=finetuned:frozen=3|frozen=5 : each alternative a ;-separated list
				String[] parts = arg.substring(5).split(":", 2);
				grids.put(parts[0], List.of(parts[1].split("\\|")));
			}
			else {
				common.add(arg);
			}
		}
		List<List<RankedGroup>> byFold = folds(groups, clusters, k);
		System.out.printf(Locale.ROOT,
				"PROTOCOL %s: %d groups, %d pairs, %d clusters, %d folds of %s pairs; run folds %s%n", dataset,
				groups.size(), pairs(groups), new HashSet<>(clusters.values()).size(), k,
				byFold.stream().map(f -> String.valueOf(pairs(f))).collect(Collectors.joining("/")), folds);
		Map<String, List<Double>> outcomes = new LinkedHashMap<>();
		Map<String, List<Double>> innerAccuracy = new LinkedHashMap<>();
		Map<String, List<Double>> foldAccuracy = new LinkedHashMap<>();
		List<String> pairClusters = new ArrayList<>();
		List<Integer> pairFolds = new ArrayList<>();
		for (int fold : folds) {
			List<RankedGroup> test = byFold.get(fold - 1);
			List<RankedGroup> training = new ArrayList<>();
			for (int other = 1; other <= k; other++) {
				if (other != fold) {
					training.addAll(byFold.get(other - 1));
				}
			}
			List<List<RankedGroup>> inner = innerSplit(training, clusters, fold);
			if (fraction < 1) {
				inner = List.of(firstClusters(inner.get(0), clusters, fraction, fold), inner.get(1));
			}
			System.out.printf(Locale.ROOT, "fold %d: training %d pairs (inner %d + validation %d), test %d pairs%n",
					fold, pairs(training), pairs(inner.get(0)), pairs(inner.get(1)), pairs(test));
			for (RankedGroup group : test) {
				for (int[] pair : group.orderedPairs()) {
					pairClusters.add(clusters.get(group.promptId()));
					pairFolds.add(fold);
				}
			}
			record("length", lengthOutcomes(test), Double.NaN, outcomes, innerAccuracy, foldAccuracy);
			for (String architecture : architectures) {
				Trained best = null;
				for (String alternative : grids.getOrDefault(architecture, List.of(""))) {
					TrainingSettings settings = settings(architecture, common, alternative);
					Trained trained = train(inner.get(0), inner.get(1), test, settings);
					System.out.printf(Locale.ROOT,
							"  fold %d %s [%s]: inner validation %.3f, test %.3f, training %.1f s (%d pairs x %d epochs), peak heap %d MiB%n",
							fold, architecture, alternative, trained.innerAccuracy, mean(trained.testOutcomes),
							trained.millis / 1000.0, pairs(inner.get(0)), settings.epochs(), peakHeapMiB());
					if (best == null || trained.innerAccuracy > best.innerAccuracy) {
						best = trained;
					}
				}
				record(architecture, best.testOutcomes, best.innerAccuracy, outcomes, innerAccuracy, foldAccuracy);
			}
			// after every fold: a long run that is stopped still leaves its figures
			report(dataset, outcomes, innerAccuracy, foldAccuracy, pairClusters);
		}
	}

	private record Trained(double innerAccuracy, List<Double> testOutcomes, long millis) {
	}

	private static Trained train(List<RankedGroup> training, List<RankedGroup> validation, List<RankedGroup> test,
			TrainingSettings settings) {
		long started = System.nanoTime();
		long cpuStarted = cpuNanos();
		int[] tenths = { 0 };
		TrainingResult result = new RewardModelTrainer().train(training, settings, progress -> {
			if (progress.secondsLeft() != null && (int) (progress.fraction() * 10) > tenths[0]) {
				tenths[0] = (int) (progress.fraction() * 10);
				System.out.printf(Locale.ROOT, "    %d%% after %.0f s, about %d s left%n", tenths[0] * 10,
						(System.nanoTime() - started) / 1e9, progress.secondsLeft());
			}
			return true;
		});
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.printf(Locale.ROOT, "    training: wall %.1f s, CPU %.1f s of this process, RSS %s%n",
				millis / 1000.0, (cpuNanos() - cpuStarted) / 1e9, rss());
		try (RewardModel model = RewardModel.load(result.artifact())) {
			return new Trained(mean(outcomes(model, validation)), outcomes(model, test), millis);
		}
	}

	private static TrainingSettings settings(String architecture, List<String> common, String alternative) {
		TrainingSettings settings = TrainingSettings.builder(Architecture.fromApiName(architecture))
			.optValidationFraction(0)
			.build();
		List<String> assignments = new ArrayList<>(common);
		if (!alternative.isEmpty()) {
			assignments.addAll(List.of(alternative.split(";")));
		}
		for (String assignment : assignments) {
			String[] kv = assignment.split("=", 2);
			TrainingSettings.Builder b = settings.toBuilder();
			settings = switch (kv[0]) {
				case "epochs" -> b.optEpochs(Integer.parseInt(kv[1])).build();
				case "lr" -> b.optLearningRate(Double.parseDouble(kv[1])).build();
				case "batch" -> b.optBatchSize(Integer.parseInt(kv[1])).build();
				case "frozen" -> b.optFrozenLayers(Integer.parseInt(kv[1])).build();
				case "headlr" -> b.optHeadLearningRateFactor(Double.parseDouble(kv[1])).build();
				case "wd" -> b.optWeightDecay(Double.parseDouble(kv[1])).build();
				case "members" ->
					b.optMembers(Arrays.stream(kv[1].split("\\+")).map(Architecture::fromApiName).toList()).build();
				case "prior" -> b.optLengthPrior(switch (kv[1]) {
					case "1" -> true;
					case "0" -> false;
					default -> throw new IllegalArgumentException("prior=1 or prior=0, not " + kv[1]);
				}).build();
				case "layers" -> b.optLayers(Integer.parseInt(kv[1])).build();
				case "tokens" ->
					b.optMaxTokens(Integer.parseInt(kv[1].split(",")[0]), Integer.parseInt(kv[1].split(",")[1]))
						.build();
				case "threads" -> b.optThreads(Integer.parseInt(kv[1])).build();
				case "objective" -> b.optObjective(Objective.fromApiName(kv[1])).build();
				default -> throw new IllegalArgumentException("unknown setting " + kv[0]);
			};
		}
		return settings;
	}

	/** 1, 0.5 or 0 per ordered pair of the groups, in order. */
	static List<Double> outcomes(RewardModel model, List<RankedGroup> groups) {
		List<Double> outcomes = new ArrayList<>();
		for (RankedGroup group : groups) {
			double[] scores = model.rawScores(group.prompt(),
					group.candidates().stream().map(Candidate::text).toList());
			for (int[] pair : group.orderedPairs()) {
				outcomes.add(outcome(scores[pair[0]], scores[pair[1]]));
			}
		}
		return outcomes;
	}

	/** The length-only baseline: the longer response (in characters) wins. */
	static List<Double> lengthOutcomes(List<RankedGroup> groups) {
		List<Double> outcomes = new ArrayList<>();
		for (RankedGroup group : groups) {
			for (int[] pair : group.orderedPairs()) {
				outcomes.add(outcome(group.candidates().get(pair[0]).text().length(),
						group.candidates().get(pair[1]).text().length()));
			}
		}
		return outcomes;
	}

	private static double outcome(double winner, double loser) {
		return winner > loser ? 1 : winner == loser ? 0.5 : 0;
	}

	/**
	 * Whole clusters into k folds: shuffled with a fixed seed, each into the fold with
	 * the fewest pairs so far.
	 */
	static List<List<RankedGroup>> folds(List<RankedGroup> groups, Map<Long, String> clusters, int k) {
		Map<String, List<RankedGroup>> byCluster = new HashMap<>();
		for (RankedGroup group : groups) {
			byCluster.computeIfAbsent(clusters.get(group.promptId()), c -> new ArrayList<>()).add(group);
		}
		List<String> order = new ArrayList<>(new TreeSet<>(byCluster.keySet()));
		Collections.shuffle(order, new Random(2026));
		List<List<RankedGroup>> folds = new ArrayList<>();
		int[] sizes = new int[k];
		for (int f = 0; f < k; f++) {
			folds.add(new ArrayList<>());
		}
		for (String cluster : order) {
			int smallest = 0;
			for (int f = 1; f < k; f++) {
				smallest = sizes[f] < sizes[smallest] ? f : smallest;
			}
			folds.get(smallest).addAll(byCluster.get(cluster));
			sizes[smallest] += pairs(byCluster.get(cluster));
		}
		return folds;
	}

	/**
	 * [inner training, inner validation]: whole clusters, a fifth of the pairs held out.
	 */
	static List<List<RankedGroup>> innerSplit(List<RankedGroup> training, Map<Long, String> clusters, long seed) {
		Set<String> held = clustersHolding(training, clusters, Math.round(pairs(training) * INNER_VALIDATION), seed);
		List<RankedGroup> inner = new ArrayList<>();
		List<RankedGroup> validation = new ArrayList<>();
		for (RankedGroup group : training) {
			(held.contains(clusters.get(group.promptId())) ? validation : inner).add(group);
		}
		return List.of(inner, validation);
	}

	/**
	 * The groups of whole clusters that hold {@code fraction} of the pairs: for a
	 * learning curve, where a smaller fraction is part of every larger one (same seed).
	 */
	static List<RankedGroup> firstClusters(List<RankedGroup> groups, Map<Long, String> clusters, double fraction,
			long seed) {
		Set<String> kept = clustersHolding(groups, clusters, fraction * pairs(groups), seed);
		return groups.stream().filter(g -> kept.contains(clusters.get(g.promptId()))).toList();
	}

	/**
	 * Whole clusters, in an order shuffled by the seed, until they hold the pairs asked
	 * for.
	 */
	private static Set<String> clustersHolding(List<RankedGroup> groups, Map<Long, String> clusters, double pairs,
			long seed) {
		List<String> order = new ArrayList<>(
				new TreeSet<>(groups.stream().map(g -> clusters.get(g.promptId())).toList()));
		Collections.shuffle(order, new Random(seed));
		Map<String, Integer> sizes = new HashMap<>();
		groups.forEach(g -> sizes.merge(clusters.get(g.promptId()), g.orderedPairs().size(), Integer::sum));
		Set<String> kept = new HashSet<>();
		int keptPairs = 0;
		for (String cluster : order) {
			if (keptPairs >= pairs) {
				break;
			}
			kept.add(cluster);
			keptPairs += sizes.get(cluster);
		}
		return kept;
	}

	private static void record(String name, List<Double> testOutcomes, double inner, Map<String, List<Double>> outcomes,
			Map<String, List<Double>> innerAccuracy, Map<String, List<Double>> foldAccuracy) {
		outcomes.computeIfAbsent(name, n -> new ArrayList<>()).addAll(testOutcomes);
		innerAccuracy.computeIfAbsent(name, n -> new ArrayList<>()).add(inner);
		foldAccuracy.computeIfAbsent(name, n -> new ArrayList<>()).add(mean(testOutcomes));
	}

	private static void report(String dataset, Map<String, List<Double>> outcomes,
			Map<String, List<Double>> innerAccuracy, Map<String, List<Double>> foldAccuracy, List<String> clusters) {
		String chosen = innerAccuracy.entrySet()
			.stream()
			.filter(e -> !e.getKey().equals("length"))
			.max((a, b) -> Double.compare(mean(a.getValue()), mean(b.getValue())))
			.map(Map.Entry::getKey)
			.orElse("-");
		System.out.printf(Locale.ROOT, "RESULT %s: architecture chosen on inner validation: %s%n", dataset, chosen);
		for (String name : outcomes.keySet()) {
			List<Double> perFold = foldAccuracy.get(name);
			System.out.printf(Locale.ROOT,
					"RESULT %s %-10s held-out accuracy %.3f (sd %.3f over %d folds; folds %s; pooled pairs %.3f); inner validation %.3f%n",
					dataset, name, mean(perFold), sd(perFold), perFold.size(),
					perFold.stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).collect(Collectors.joining(" ")),
					mean(outcomes.get(name)), mean(innerAccuracy.get(name)));
		}
		for (String name : outcomes.keySet()) {
			for (String baseline : List.of("pooled", "length")) {
				if (!name.equals(baseline) && outcomes.containsKey(baseline) && !name.equals("length")) {
					paired(dataset, name, baseline, outcomes, foldAccuracy, clusters);
				}
			}
		}
	}

	/**
	 * The paired difference on the same held-out pairs: its mean, a paired t over folds,
	 * and a bootstrap over clusters (resampling whole clusters) with its 95% interval and
	 * two-sided p.
	 */
	private static void paired(String dataset, String name, String baseline, Map<String, List<Double>> outcomes,
			Map<String, List<Double>> foldAccuracy, List<String> clusters) {
		List<Double> a = outcomes.get(name);
		List<Double> b = outcomes.get(baseline);
		List<Double> foldDiffs = new ArrayList<>();
		for (int f = 0; f < foldAccuracy.get(name).size(); f++) {
			foldDiffs.add(foldAccuracy.get(name).get(f) - foldAccuracy.get(baseline).get(f));
		}
		double t = foldDiffs.size() > 1 ? mean(foldDiffs) / (sd(foldDiffs) / Math.sqrt(foldDiffs.size())) : Double.NaN;
		Map<String, double[]> byCluster = new LinkedHashMap<>();
		for (int i = 0; i < a.size(); i++) {
			double[] sums = byCluster.computeIfAbsent(clusters.get(i), c -> new double[2]);
			sums[0] += a.get(i) - b.get(i);
			sums[1]++;
		}
		List<double[]> units = new ArrayList<>(byCluster.values());
		Random random = new Random(7);
		double[] diffs = new double[BOOTSTRAP_ROUNDS];
		for (int round = 0; round < BOOTSTRAP_ROUNDS; round++) {
			double sum = 0;
			double count = 0;
			for (int i = 0; i < units.size(); i++) {
				double[] unit = units.get(random.nextInt(units.size()));
				sum += unit[0];
				count += unit[1];
			}
			diffs[round] = sum / count;
		}
		Arrays.sort(diffs);
		long below = Arrays.stream(diffs).filter(d -> d <= 0).count();
		long above = Arrays.stream(diffs).filter(d -> d >= 0).count();
		double p = Math.min(1, 2.0 * Math.min(below, above) / BOOTSTRAP_ROUNDS);
		double diff = mean(a) - mean(b);
		System.out.printf(Locale.ROOT,
				"RESULT %s %s - %s: %+.3f on %d pairs (per fold %+.3f, sd %.3f, paired t %.2f over %d folds); cluster bootstrap 95%% [%+.3f, %+.3f], p %.3f%n",
				dataset, name, baseline, diff, a.size(), mean(foldDiffs), sd(foldDiffs), t, foldDiffs.size(),
				diffs[(int) (BOOTSTRAP_ROUNDS * 0.025)], diffs[(int) (BOOTSTRAP_ROUNDS * 0.975) - 1], p);
	}

	static int pairs(List<RankedGroup> groups) {
		return groups.stream().mapToInt(g -> g.orderedPairs().size()).sum();
	}

	private static double mean(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
	}

	private static double sd(List<Double> values) {
		if (values.size() < 2) {
			return Double.NaN;
		}
		double m = mean(values);
		return Math.sqrt(values.stream().mapToDouble(v -> (v - m) * (v - m)).sum() / (values.size() - 1));
	}

	private static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static String rss() {
		try {
			return java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))
				.stream()
				.filter(l -> l.startsWith("VmHWM") || l.startsWith("VmRSS"))
				.map(l -> l.replaceAll("\\s+", " "))
				.collect(Collectors.joining(", "));
		}
		catch (java.io.IOException e) {
			return "?";
		}
	}

	/** The sum of the heap pools' peaks since the JVM started, in MiB. */
	private static long peakHeapMiB() {
		long bytes = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				bytes += pool.getPeakUsage().getUsed();
			}
		}
		return bytes >> 20;
	}

}
