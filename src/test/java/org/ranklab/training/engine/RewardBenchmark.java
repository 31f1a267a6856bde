package org.ranklab.training.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmarks of reward quality and training speed (bench/training/README.md). Not part of
 * the test suite: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.ranklab.training.engine.RewardBenchmark -Dexec.args="quality hh"}.
 */
public final class RewardBenchmark {

	private static final Path DATA = Path.of(System.getProperty("ranklab.data", "../shared/data"));

	public static void main(String[] args) throws Exception {
		String mode = args.length > 0 ? args[0] : "quality";
		switch (mode) {
			case "quality" -> quality(args);
			case "speed" -> speed(args);
			case "scaling" -> scaling(args);
			default -> throw new IllegalArgumentException("unknown mode " + mode);
		}
	}

	/**
	 * quality DATASET [architecture] [seeds] [key=value ...]: held-out pairwise accuracy
	 * over several 80/20 splits.
	 */
	private static void quality(String[] args) throws Exception {
		String dataset = args.length > 1 ? args[1] : "hh";
		List<RankedGroup> groups = "hh".equals(dataset) ? BenchmarkData.hh(DATA.resolve("hh_harmless_test.jsonl.gz"))
				: BenchmarkData.oasst(DATA.resolve("oasst_en_100_tree.jsonl"));
		Architecture architecture = Architecture.fromApiName(args.length > 2 ? args[2] : "pooled");
		int seeds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
		TrainingSettings settings = TrainingSettings.builder(architecture).optValidationFraction(0.2).build();
		boolean tune = false;
		for (int i = 4; i < args.length; i++) {
			if (args[i].startsWith("members=")) {
				// an ensemble of other members than the default, e.g.
				// members=pooled+pooled+minilm
				settings = settings.toBuilder()
					.optMembers(java.util.Arrays.stream(args[i].substring(8).split("\\+"))
						.map(Architecture::fromApiName)
						.toList())
					.build();
			}
			else if (args[i].equals("tune")) {
				// never look at the test split: carve a validation split out of the 80%
				// training part
				tune = true;
			}
			else {
				settings = apply(settings, args[i]);
			}
		}
		List<Architecture> members = settings.members();
		System.out.printf(Locale.ROOT, "%s%s: %d groups, %s, members %s%n", dataset,
				tune ? " (validation inside the 80%)" : "", groups.size(), settings, members);
		Path cacheFile = Path.of(System.getProperty("java.io.tmpdir"), "ranklab-minilm-" + dataset + ".bin");
		boolean embeds = members.stream().anyMatch(a -> a.textEncoder() != null);
		if (embeds) {
			EmbeddingCacheFile.read(cacheFile, SentenceEmbedder.named(SentenceEmbedder.MINILM));
		}
		List<Double> finals = new ArrayList<>();
		double[] perEpoch = new double[settings.epochs()];
		for (int seed = 1; seed <= seeds; seed++) {
			List<RankedGroup> data = tune ? PromptSplit.of(groups, 0.2, seed).training() : groups;
			long started = System.nanoTime();
			TrainingResult result = new RewardModelTrainer().train(data, settings.toBuilder().optSeed(seed).build(),
					TrainingMonitor.NONE);
			long whole = (System.nanoTime() - started) / 1_000_000;
			if (embeds && seed == 1) {
				EmbeddingCacheFile.write(cacheFile, SentenceEmbedder.named(SentenceEmbedder.MINILM));
			}
			StringBuilder line = new StringBuilder();
			for (EpochMetrics m : result.metrics()) {
				perEpoch[m.epoch() - 1] += m.valAccuracy() / seeds;
				line.append(String.format(Locale.ROOT, " %.3f", m.valAccuracy()));
			}
			finals.add(result.last().valAccuracy());
			System.out.printf(Locale.ROOT, "seed %d: val accuracy per epoch%s; %d pairs in %d ms (whole run %d ms)%n",
					seed, line, result.trainingPairs() * settings.epochs(), result.trainingMillis(), whole);
		}
		StringBuilder mean = new StringBuilder();
		for (double value : perEpoch) {
			mean.append(String.format(Locale.ROOT, " %.3f", value));
		}
		double average = finals.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
		double spread = Math
			.sqrt(finals.stream().mapToDouble(v -> (v - average) * (v - average)).sum() / finals.size());
		System.out.printf(Locale.ROOT,
				"RESULT %s%s %s%s: final-epoch held-out pairwise accuracy %.3f (sd %.3f over %d splits); mean per epoch%s%n",
				dataset, tune ? " tune" : "", architecture.apiName(), members.size() > 1 ? " " + members : "", average,
				spread, seeds, mean);
	}

	/**
	 * speed DATA_FILE [key=value ...]: trains the pooled network on all HH pairs (no
	 * validation) and writes the encoded data to DATA_FILE for
	 * bench/training/pooled_torch.py, which trains the same network on it.
	 */
	private static void speed(String[] args) throws Exception {
		List<RankedGroup> groups = BenchmarkData.hh(DATA.resolve("hh_harmless_test.jsonl.gz"));
		TrainingSettings settings = TrainingSettings.builder().optValidationFraction(0).build();
		for (int i = 2; i < args.length; i++) {
			settings = apply(settings, args[i]);
		}
		PreparedRankings prepared = PreparedRankings.of(groups, settings, settings.architecture());
		writeEncoded(prepared, Path.of(args[1]));
		System.out.printf(Locale.ROOT, "TORCH_ARGS %d %d %s %s %d %d %s %s %d %d%n", settings.epochs(),
				settings.batchSize(), settings.learningRate(), settings.weightDecay(), settings.embeddingSize(),
				settings.hiddenSize(), settings.dropout(), settings.tokenDropout(), settings.threads(),
				settings.seed());
		TrainingResult result = new RewardModelTrainer().train(groups, settings, TrainingMonitor.NONE);
		long pairs = result.trainingPairs() * settings.epochs();
		System.out.printf(Locale.ROOT, "RESULT djl %s threads=%d: %d pairs in %.2f s = %.0f pairs/s%n",
				NativeEngine.get().getVersion(), settings.threads(), pairs, result.trainingMillis() / 1000.0,
				pairs * 1000.0 / result.trainingMillis());
	}

	/**
	 * scaling [pairs ...]: one epoch on HH pairs repeated with word dropout up to each
	 * size.
	 */
	private static void scaling(String[] args) throws Exception {
		List<RankedGroup> hh = BenchmarkData.hh(DATA.resolve("hh_harmless_test.jsonl.gz"));
		TrainingSettings settings = TrainingSettings.builder().optValidationFraction(0).optEpochs(1).build();
		for (int i = 1; i < args.length; i++) {
			int pairs = Integer.parseInt(args[i]);
			List<RankedGroup> groups = perturbed(hh, pairs);
			long started = System.nanoTime();
			TrainingResult result = new RewardModelTrainer().train(groups, settings, TrainingMonitor.NONE);
			long total = (System.nanoTime() - started) / 1_000_000;
			System.out.printf(Locale.ROOT,
					"RESULT scaling %d pairs: training %.1f s (%.0f pairs/s), whole run with tokenising and vocabulary %.1f s, artifact %d KiB%n",
					result.trainingPairs(), result.trainingMillis() / 1000.0,
					result.trainingPairs() * 1000.0 / result.trainingMillis(), total / 1000.0,
					result.artifact().length / 1024);
		}
	}

	/**
	 * Copies of the HH pairs, each copy a new prompt whose responses lost a random 10% of
	 * their words.
	 */
	private static List<RankedGroup> perturbed(List<RankedGroup> hh, int pairs) {
		java.util.Random random = new java.util.Random(pairs);
		List<RankedGroup> groups = new ArrayList<>(pairs);
		long id = 1;
		for (int i = 0; i < pairs; i++) {
			RankedGroup source = hh.get(i % hh.size());
			boolean copy = i >= hh.size();
			List<Candidate> candidates = new ArrayList<>();
			List<List<Long>> tiers = new ArrayList<>();
			for (Candidate c : source.candidates()) {
				String text = copy ? dropWords(c.text(), random) : c.text();
				candidates.add(new Candidate(id, text));
				tiers.add(List.of(id++));
			}
			groups.add(new RankedGroup(i + 1, source.prompt(), candidates, tiers));
		}
		return groups;
	}

	private static String dropWords(String text, java.util.Random random) {
		StringBuilder kept = new StringBuilder();
		for (String word : text.split(" ")) {
			if (random.nextDouble() >= 0.1) {
				kept.append(word).append(' ');
			}
		}
		return kept.toString().trim();
	}

	/**
	 * Big-endian int32 stream: header, rows (ids and float features), examples (rows and
	 * pairs).
	 */
	private static void writeEncoded(PreparedRankings prepared, Path file) throws java.io.IOException {
		EncodedRankings data = prepared.training();
		try (java.io.DataOutputStream out = new java.io.DataOutputStream(
				new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(file)))) {
			out.writeInt(data.table.size());
			out.writeInt(data.examples.size());
			out.writeInt(prepared.config().vocabularySize());
			out.writeInt(TextEncoder.FEATURES);
			for (EncodedText row : data.table) {
				out.writeInt(row.prompt().length);
				out.writeInt(row.response().length);
				for (int id : row.prompt()) {
					out.writeInt(id);
				}
				for (int id : row.response()) {
					out.writeInt(id);
				}
				for (float f : row.features()) {
					out.writeFloat(f);
				}
			}
			for (RankingExample example : data.examples) {
				out.writeInt(example.rows().length);
				for (int row : example.rows()) {
					out.writeInt(row);
				}
				out.writeInt(example.pairs().length);
				for (int[] pair : example.pairs()) {
					out.writeInt(pair[0]);
					out.writeInt(pair[1]);
				}
			}
		}
	}

	private static TrainingSettings apply(TrainingSettings s, String assignment) {
		String[] kv = assignment.split("=", 2);
		String v = kv[1];
		TrainingSettings.Builder b = s.toBuilder();
		TrainingSettings.Builder changed = switch (kv[0]) {
			case "epochs" -> b.optEpochs(Integer.parseInt(v));
			case "lr" -> b.optLearningRate(Double.parseDouble(v));
			case "batch" -> b.optBatchSize(Integer.parseInt(v));
			case "wd" -> b.optWeightDecay(Double.parseDouble(v));
			case "dim" -> b.optEmbeddingSize(Integer.parseInt(v));
			case "hidden" -> b.optHiddenSize(Integer.parseInt(v));
			case "dropout" -> b.optDropout(Double.parseDouble(v));
			case "tokens" -> b.optMaxTokens(Integer.parseInt(v.split(",")[0]), Integer.parseInt(v.split(",")[1]));
			case "tokdrop" -> b.optTokenDropout(Double.parseDouble(v));
			case "threads" -> b.optThreads(Integer.parseInt(v));
			case "objective" -> b.optObjective(Objective.fromApiName(v));
			default -> throw new IllegalArgumentException("unknown setting " + kv[0]);
		};
		return changed.build();
	}

}
