package org.ranklab.training.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.locks.ReentrantLock;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/**
 * Trains a reward model from ranked groups with DJL's PyTorch engine on the CPU. Each run builds its own
 * vocabulary, {@link Model} and {@link Trainer} and closes them, so nothing native outlives the run; the trained
 * network leaves as a zip ({@link TrainingResult#artifact()}). Blocking: call it on a worker thread.
 */
public final class RewardModelTrainer {

	private static final int MIN_TOKEN_COUNT = 2;

	private static final int MAX_VOCABULARY_WORDS = 50_000;

	private static final int OOV_BUCKETS = 1024;

	private static final double WARM_UP_SHARE = 0.1;

	/**
	 * PyTorch lets one gradient collector record at a time in the whole process, so runs in one JVM take
	 * turns (the training worker already runs one at a time; this also covers any other caller).
	 */
	private static final ReentrantLock ONE_RUN_PER_PROCESS = new ReentrantLock(true);

	public TrainingResult train(List<RankedGroup> groups, TrainingSettings settings, TrainingMonitor monitor) {
		Prepared prepared = prepare(groups, settings);
		ONE_RUN_PER_PROCESS.lock();
		try {
			NativeEngine.useThreads(settings.threads());
			NativeEngine.get().setRandomSeed((int) settings.seed());
			return new Run(settings, monitor, prepared).execute();
		}
		finally {
			ONE_RUN_PER_PROCESS.unlock();
		}
	}

	/** Splits, builds the vocabulary from the training side only, and encodes every text once. */
	static Prepared prepare(List<RankedGroup> groups, TrainingSettings settings) {
		List<RankedGroup> usable = usableGroups(groups, settings.objective());
		PromptSplit split = PromptSplit.of(usable, settings.validationFraction(), settings.seed());
		Vocabulary vocabulary = vocabulary(split.training(), settings);
		String textEncoder = settings.architecture().textEncoder();
		TextEncoder encoder = new TextEncoder(new TextTokenizer(wordBigrams(settings)), vocabulary,
				settings.maxPromptTokens(), settings.maxResponseTokens(),
				textEncoder == null ? null : SentenceEmbedder.named(textEncoder));
		boolean transformer = settings.architecture() == Architecture.TRANSFORMER;
		ModelConfig config = new ModelConfig(ModelConfig.FORMAT, ModelConfig.FORMAT_VERSION, settings.architecture(),
				settings.objective(), settings.embeddingSize(), settings.hiddenSize(), transformer ? 2 : 0,
				transformer ? 4 : 0, settings.dropout(), settings.maxPromptTokens(), settings.maxResponseTokens(),
				wordBigrams(settings), OOV_BUCKETS, vocabulary.words().size(), 0, 1, textEncoder);
		return new Prepared(split, vocabulary, config, Encoded.of(split.training(), encoder),
				Encoded.of(split.validation(), encoder));
	}

	record Prepared(PromptSplit split, Vocabulary vocabulary, ModelConfig config, Encoded training,
			Encoded validation) {
	}

	private static boolean wordBigrams(TrainingSettings settings) {
		return settings.architecture() != Architecture.TRANSFORMER;
	}

	private static List<RankedGroup> usableGroups(List<RankedGroup> groups, Objective objective) {
		if (objective == Objective.DIRECT_SCORE) {
			List<RankedGroup> scored = groups.stream().filter(RankedGroup::hasScores).toList();
			if (scored.isEmpty()) {
				throw new NotTrainableException("direct_score needs rankings with a score for every candidate");
			}
			return scored;
		}
		List<RankedGroup> ranked = groups.stream().filter(g -> !g.orderedPairs().isEmpty()).toList();
		if (ranked.isEmpty()) {
			throw new NotTrainableException("no ranking orders two candidates: nothing to train on");
		}
		return ranked;
	}

	private static Vocabulary vocabulary(List<RankedGroup> training, TrainingSettings settings) {
		TextTokenizer tokenizer = new TextTokenizer(wordBigrams(settings));
		Map<String, List<String>> texts = new LinkedHashMap<>();
		for (RankedGroup group : training) {
			texts.computeIfAbsent("p" + group.promptId(), k -> tokenizer.tokens(group.prompt()));
			for (Candidate candidate : group.candidates()) {
				texts.computeIfAbsent("c" + group.promptId() + ":" + candidate.id(),
						k -> tokenizer.tokens(candidate.text()));
			}
		}
		return Vocabulary.build(texts.values(), MIN_TOKEN_COUNT, MAX_VOCABULARY_WORDS, OOV_BUCKETS);
	}

	/** One training run: owns the Model and Trainer and closes them whatever happens. */
	private static final class Run {

		private final TrainingSettings settings;

		private final TrainingMonitor monitor;

		private final ModelConfig config;

		private final Vocabulary vocabulary;

		private final Encoded training;

		private final Encoded validation;

		private final PromptSplit split;

		private final List<EpochMetrics> metrics = new ArrayList<>();

		Run(TrainingSettings settings, TrainingMonitor monitor, Prepared prepared) {
			this.settings = settings;
			this.monitor = monitor;
			this.config = prepared.config();
			this.vocabulary = prepared.vocabulary();
			this.training = prepared.training();
			this.validation = prepared.validation();
			this.split = prepared.split();
		}

		TrainingResult execute() {
			RewardNet net = RewardNet.create(config);
			Loss loss = settings.objective() == Objective.RANK ? new RankPairLoss() : new ScoreLoss();
			int batchesPerEpoch = (training.examples.size() + settings.batchSize() - 1) / settings.batchSize();
			int totalSteps = batchesPerEpoch * settings.epochs();
			DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(loss)
				.optDevices(new Device[] { Device.cpu() })
				.optOptimizer(Optimizer.adamW()
					.optLearningRateTracker(schedule((float) settings.learningRate(), totalSteps))
					.optWeightDecays((float) settings.weightDecay())
					.build());
			try (Model model = Model.newInstance("reward-model", Device.cpu(), "PyTorch")) {
				model.setBlock(net);
				try (Trainer trainer = model.newTrainer(trainingConfig)) {
					trainer.initialize(net.sampleShapes());
					long started = System.nanoTime();
					Random shuffle = new Random(settings.seed());
					for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
						double trainLoss = trainEpoch(trainer, net, epoch, batchesPerEpoch, shuffle);
						metrics.add(validate(trainer, net, epoch, trainLoss));
						report(epoch, epoch * batchesPerEpoch, totalSteps);
					}
					long millis = (System.nanoTime() - started) / 1_000_000;
					double[] rewards = RewardModel.score(trainer.getManager(), net,
							new ParameterStore(trainer.getManager(), false), training.table);
					double mean = mean(rewards);
					double std = Math.sqrt(mean(squaredDeviations(rewards, mean)));
					ModelConfig trained = config.withRewardStatistics(mean, std);
					byte[] artifact = RewardModel.artifact(trained, vocabulary, net);
					return new TrainingResult(List.copyOf(metrics), mean, std, artifact,
							distinctPrompts(split.training()), distinctPrompts(split.validation()),
							training.unitsPerEpoch(settings.objective()), millis);
				}
			}
		}

		private double trainEpoch(Trainer trainer, RewardNet net, int epoch, int batchesPerEpoch, Random shuffle) {
			List<Example> order = new ArrayList<>(training.examples);
			Collections.shuffle(order, shuffle);
			double lossSum = 0;
			int batch = 0;
			for (int from = 0; from < order.size(); from += settings.batchSize()) {
				List<Example> examples = order.subList(from, Math.min(order.size(), from + settings.batchSize()));
				try (NDManager scope = trainer.getManager().newSubManager()) {
					NDList inputs = net.inputs(scope, tokenDropout(training.rows(examples), settings.tokenDropout(), shuffle));
					NDList labels = labels(scope, examples);
					NDArray loss;
					try (GradientCollector collector = trainer.newGradientCollector()) {
						NDList predictions = trainer.forward(inputs);
						loss = trainer.getLoss().evaluate(labels, predictions);
						collector.backward(loss);
					}
					trainer.step();
					lossSum += loss.getFloat() * examples.size();
				}
				batch++;
				report(epoch, (epoch - 1) * batchesPerEpoch + batch, batchesPerEpoch * settings.epochs());
			}
			return lossSum / order.size();
		}

		private EpochMetrics validate(Trainer trainer, RewardNet net, int epoch, double trainLoss) {
			if (validation.examples.isEmpty()) {
				return new EpochMetrics(epoch, trainLoss, null, null);
			}
			double[] rewards = RewardModel.score(trainer.getManager(), net,
					new ParameterStore(trainer.getManager(), false), validation.table);
			double lossSum = 0;
			for (int from = 0; from < validation.examples.size(); from += settings.batchSize()) {
				List<Example> examples = validation.examples.subList(from,
						Math.min(validation.examples.size(), from + settings.batchSize()));
				try (NDManager scope = trainer.getManager().newSubManager()) {
					List<EncodedText> rows = validation.rows(examples);
					double[] batchRewards = new double[rows.size()];
					int at = 0;
					for (Example example : examples) {
						for (int row : example.rows()) {
							batchRewards[at++] = rewards[row];
						}
					}
					NDArray predictions = scope.create(toFloats(batchRewards));
					lossSum += trainer.getLoss()
						.evaluate(labels(scope, examples), new NDList(predictions))
						.getFloat() * examples.size();
				}
			}
			return new EpochMetrics(epoch, trainLoss, lossSum / validation.examples.size(),
					pairwiseAccuracy(validation.examples, rewards));
		}

		private NDList labels(NDManager scope, List<Example> examples) {
			return settings.objective() == Objective.RANK ? rankLabels(scope, examples) : scoreLabels(scope, examples);
		}

		private void report(int epoch, int step, int totalSteps) {
			if (!monitor.proceed(new TrainingProgress((double) step / totalSteps, epoch, settings.epochs(),
					List.copyOf(metrics)))) {
				throw new TrainingCancelledException();
			}
		}

	}

	/**
	 * Drops a random share of token ids from training rows: on a few thousand pairs a bag of words otherwise
	 * memorises rare words (measured on HH: see bench/training/README.md).
	 */
	static List<EncodedText> tokenDropout(List<EncodedText> rows, double rate, Random random) {
		if (rate == 0) {
			return rows;
		}
		List<EncodedText> dropped = new ArrayList<>(rows.size());
		for (EncodedText row : rows) {
			dropped.add(new EncodedText(drop(row.prompt(), rate, random), drop(row.response(), rate, random),
					row.features(), row.embedding()));
		}
		return dropped;
	}

	private static int[] drop(int[] ids, double rate, Random random) {
		return java.util.Arrays.stream(ids).filter(id -> random.nextDouble() >= rate).toArray();
	}

	/** Labels for {@link RankPairLoss}: winner rows, loser rows and pair weights within the batch. */
	static NDList rankLabels(NDManager manager, List<Example> examples) {
		int pairCount = examples.stream().mapToInt(e -> e.pairs().length).sum();
		long[] winners = new long[pairCount];
		long[] losers = new long[pairCount];
		float[] weights = new float[pairCount];
		int at = 0;
		int base = 0;
		for (Example example : examples) {
			float weight = 1f / (example.pairs().length * examples.size());
			for (int[] pair : example.pairs()) {
				winners[at] = base + pair[0];
				losers[at] = base + pair[1];
				weights[at++] = weight;
			}
			base += example.rows().length;
		}
		return new NDList(manager.create(winners), manager.create(losers), manager.create(weights));
	}

	/** Labels for {@link ScoreLoss}: the scored rows and their targets within the batch. */
	static NDList scoreLabels(NDManager manager, List<Example> examples) {
		List<Long> rows = new ArrayList<>();
		List<Float> targets = new ArrayList<>();
		int base = 0;
		for (Example example : examples) {
			for (int i = 0; i < example.targets().length; i++) {
				if (!Float.isNaN(example.targets()[i])) {
					rows.add((long) base + i);
					targets.add(example.targets()[i]);
				}
			}
			base += example.rows().length;
		}
		long[] rowArray = rows.stream().mapToLong(Long::longValue).toArray();
		float[] targetArray = new float[targets.size()];
		for (int i = 0; i < targetArray.length; i++) {
			targetArray[i] = targets.get(i);
		}
		return new NDList(manager.create(rowArray), manager.create(targetArray));
	}

	/** Share of ordered pairs whose winner has the higher reward; equal rewards count half. */
	static double pairwiseAccuracy(List<Example> examples, double[] rewards) {
		double correct = 0;
		long pairs = 0;
		for (Example example : examples) {
			for (int[] pair : example.pairs()) {
				double winner = rewards[example.rows()[pair[0]]];
				double loser = rewards[example.rows()[pair[1]]];
				correct += winner > loser ? 1 : winner == loser ? 0.5 : 0;
				pairs++;
			}
		}
		return pairs == 0 ? Double.NaN : correct / pairs;
	}

	/** Linear warm-up over the first 10% of steps to the peak, then linear decay to a tenth of it. */
	static Tracker schedule(float peak, int totalSteps) {
		int warmUp = Math.max(1, (int) Math.round(totalSteps * WARM_UP_SHARE));
		return step -> {
			if (step <= warmUp) {
				return peak * step / warmUp;
			}
			float remaining = Math.max(0f, (float) (totalSteps - step) / Math.max(1, totalSteps - warmUp));
			return peak * (0.1f + 0.9f * remaining);
		};
	}

	private static int distinctPrompts(List<RankedGroup> groups) {
		return (int) groups.stream().mapToLong(RankedGroup::promptId).distinct().count();
	}

	private static float[] toFloats(double[] values) {
		float[] floats = new float[values.length];
		for (int i = 0; i < values.length; i++) {
			floats[i] = (float) values[i];
		}
		return floats;
	}

	private static double mean(double[] values) {
		double sum = 0;
		for (double value : values) {
			sum += value;
		}
		return values.length == 0 ? 0 : sum / values.length;
	}

	private static double[] squaredDeviations(double[] values, double mean) {
		double[] squares = new double[values.length];
		for (int i = 0; i < values.length; i++) {
			squares[i] = (values[i] - mean) * (values[i] - mean);
		}
		return squares;
	}

	/**
	 * One ranking as indexes into the encoded table.
	 *
	 * @param rows table row of each candidate
	 * @param pairs ordered (winner, loser) candidate indexes; ties give none
	 * @param targets direct-score target per candidate, NaN when unscored
	 */
	record Example(int[] rows, int[][] pairs, float[] targets) {
	}

	/** The distinct (prompt, candidate) texts of one side of the split, encoded once, and its examples. */
	static final class Encoded {

		final List<EncodedText> table = new ArrayList<>();

		final List<Example> examples = new ArrayList<>();

		static Encoded of(List<RankedGroup> groups, TextEncoder encoder) {
			Encoded encoded = new Encoded();
			Map<String, Integer> rowOf = new HashMap<>();
			Map<Long, TextEncoder.PromptTokens> prompts = new HashMap<>();
			for (RankedGroup group : groups) {
				TextEncoder.PromptTokens prompt = prompts.computeIfAbsent(group.promptId(),
						id -> encoder.prompt(group.prompt()));
				int[] rows = new int[group.candidates().size()];
				float[] targets = new float[rows.length];
				for (int i = 0; i < rows.length; i++) {
					Candidate candidate = group.candidates().get(i);
					rows[i] = rowOf.computeIfAbsent(group.promptId() + ":" + candidate.id(), key -> {
						encoded.table.add(encoder.encode(prompt, candidate.text()));
						return encoded.table.size() - 1;
					});
					Integer score = group.scores().get(candidate.id());
					targets[i] = score == null ? Float.NaN : ScoreLoss.target(score);
				}
				encoded.examples.add(new Example(rows, group.orderedPairs().toArray(int[][]::new), targets));
			}
			return encoded;
		}

		List<EncodedText> rows(List<Example> batch) {
			List<EncodedText> rows = new ArrayList<>();
			for (Example example : batch) {
				for (int row : example.rows()) {
					rows.add(table.get(row));
				}
			}
			return rows;
		}

		long unitsPerEpoch(Objective objective) {
			return examples.stream()
				.mapToLong(e -> objective == Objective.RANK ? e.pairs().length : e.targets().length)
				.sum();
		}

	}

}
