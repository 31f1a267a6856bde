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
 * Trains a reward model from ranked groups with DJL's PyTorch engine on the CPU. Each run
 * builds its own vocabulary, {@link Model} and {@link Trainer} and closes them, so
 * nothing native outlives the run; the trained network leaves as a zip
 * ({@link TrainingResult#artifact()}). Blocking: call it on a worker thread.
 */
public final class RewardModelTrainer {

	private static final int MIN_TOKEN_COUNT = 2;

	private static final int MAX_VOCABULARY_WORDS = 50_000;

	private static final int OOV_BUCKETS = 1024;

	private static final double WARM_UP_SHARE = 0.1;

	/**
	 * PyTorch lets one gradient collector record at a time in the whole process, so runs
	 * in one JVM take turns (the training worker already runs one at a time; this also
	 * covers any other caller).
	 */
	private static final ReentrantLock ONE_RUN_PER_PROCESS = new ReentrantLock(true);

	public TrainingResult train(List<RankedGroup> groups, TrainingSettings settings, TrainingMonitor monitor) {
		return train(groups, settings, monitor, members(settings.architecture()));
	}

	/**
	 * Trains the given networks side by side on one split; with more than one, the reward
	 * is the mean of their standardised rewards (the benchmark compares member lists
	 * through this).
	 */
	TrainingResult train(List<RankedGroup> groups, TrainingSettings settings, TrainingMonitor monitor,
			List<Architecture> members) {
		List<Prepared> prepared = prepareMembers(groups, settings, members);
		ONE_RUN_PER_PROCESS.lock();
		try {
			NativeEngine.useThreads(settings.threads());
			return new Run(settings, monitor, prepared, members.size() > 1).execute();
		}
		finally {
			ONE_RUN_PER_PROCESS.unlock();
		}
	}

	/** The networks an architecture trains: itself, or the members of the ensemble. */
	static List<Architecture> members(Architecture architecture) {
		return architecture == Architecture.ENSEMBLE ? Architecture.ENSEMBLE_MEMBERS : List.of(architecture);
	}

	/**
	 * One preparation per member; members reading the same inputs share it (split and
	 * vocabulary are the same).
	 */
	private static List<Prepared> prepareMembers(List<RankedGroup> groups, TrainingSettings settings,
			List<Architecture> members) {
		Map<Architecture, Prepared> byArchitecture = new HashMap<>();
		List<Prepared> prepared = new ArrayList<>();
		for (Architecture member : members) {
			if (member == Architecture.ENSEMBLE) {
				throw new IllegalArgumentException("an ensemble cannot contain an ensemble");
			}
			prepared.add(byArchitecture.computeIfAbsent(member, a -> prepare(groups, settings.withArchitecture(a))));
		}
		return prepared;
	}

	/**
	 * Splits, builds the vocabulary from the training side only, and encodes every text
	 * once.
	 */
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
				wordBigrams(settings), OOV_BUCKETS, vocabulary.words().size(), 0, 1, textEncoder, 0);
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

	/**
	 * One training run: one or more networks (members) trained in lock step, epoch by
	 * epoch, each owning its Model and Trainer, all closed whatever happens.
	 */
	private static final class Run {

		private final TrainingSettings settings;

		private final TrainingMonitor monitor;

		private final List<Prepared> prepared;

		private final boolean ensemble;

		private final Encoded training;

		private final Encoded validation;

		private final PromptSplit split;

		private final List<EpochMetrics> metrics = new ArrayList<>();

		private final int batchesPerEpoch;

		private final int totalSteps;

		private int step;

		Run(TrainingSettings settings, TrainingMonitor monitor, List<Prepared> prepared, boolean ensemble) {
			this.settings = settings;
			this.monitor = monitor;
			this.prepared = prepared;
			this.ensemble = ensemble;
			// every member encodes the same groups in the same order, so rows and
			// examples line up
			this.training = prepared.get(0).training();
			this.validation = prepared.get(0).validation();
			this.split = prepared.get(0).split();
			this.batchesPerEpoch = (training.examples.size() + settings.batchSize() - 1) / settings.batchSize();
			this.totalSteps = batchesPerEpoch * settings.epochs() * prepared.size();
		}

		TrainingResult execute() {
			List<Member> members = new ArrayList<>();
			try {
				for (int i = 0; i < prepared.size(); i++) {
					// member 0 keeps the run's seed, so a single network trains exactly
					// as it always did
					members.add(new Member(prepared.get(i), settings, settings.seed() + 1009L * i,
							batchesPerEpoch * settings.epochs()));
				}
				long started = System.nanoTime();
				for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
					double trainLoss = 0;
					for (Member member : members) {
						trainLoss += trainEpoch(member, epoch) / members.size();
					}
					metrics.add(validate(members, epoch, trainLoss));
					report(epoch, epoch * batchesPerEpoch * members.size());
				}
				long millis = (System.nanoTime() - started) / 1_000_000;
				return finish(members, millis);
			}
			finally {
				members.forEach(Member::close);
			}
		}

		private TrainingResult finish(List<Member> members, long millis) {
			List<double[]> memberRewards = new ArrayList<>();
			List<byte[]> artifacts = new ArrayList<>();
			for (Member member : members) {
				double[] rewards = member.rewards(member.prepared.training());
				memberRewards.add(rewards);
				double mean = mean(rewards);
				ModelConfig trained = member.prepared.config()
					.withRewardStatistics(mean, Math.sqrt(mean(squaredDeviations(rewards, mean))));
				artifacts.add(RewardModel.artifact(trained, member.prepared.vocabulary(), member.net));
			}
			double[] rewards = combined(memberRewards, memberRewards);
			double mean = mean(rewards);
			double std = Math.sqrt(mean(squaredDeviations(rewards, mean)));
			byte[] artifact = ensemble
					? RewardModel.ensembleArtifact(ensembleConfig(members).withRewardStatistics(mean, std), artifacts)
					: artifacts.get(0);
			return new TrainingResult(List.copyOf(metrics), mean, std, artifact, distinctPrompts(split.training()),
					distinctPrompts(split.validation()), training.unitsPerEpoch(settings.objective()), millis);
		}

		/**
		 * The ensemble's own config: the first member's tokenizer settings, its
		 * architecture and member count.
		 */
		private ModelConfig ensembleConfig(List<Member> members) {
			ModelConfig first = members.get(0).prepared.config();
			String textEncoder = members.stream()
				.map(m -> m.prepared.config().textEncoder())
				.filter(java.util.Objects::nonNull)
				.findFirst()
				.orElse(null);
			return first.asEnsemble(members.size(), textEncoder);
		}

		/**
		 * A single network's raw rewards; for an ensemble the mean of the members'
		 * rewards, each standardised by its mean and standard deviation over the training
		 * candidates (in {@code reference}).
		 */
		private double[] combined(List<double[]> rewards, List<double[]> reference) {
			if (!ensemble) {
				return rewards.get(0);
			}
			double[] sum = new double[rewards.get(0).length];
			for (int m = 0; m < rewards.size(); m++) {
				double mean = mean(reference.get(m));
				double std = Math.sqrt(mean(squaredDeviations(reference.get(m), mean)));
				double scale = std > 1e-9 ? std : 1;
				for (int i = 0; i < sum.length; i++) {
					sum[i] += (rewards.get(m)[i] - mean) / scale / rewards.size();
				}
			}
			return sum;
		}

		private double trainEpoch(Member member, int epoch) {
			List<Example> order = new ArrayList<>(training.examples);
			Collections.shuffle(order, member.shuffle);
			Encoded data = member.prepared.training();
			Trainer trainer = member.trainer;
			double lossSum = 0;
			for (int from = 0; from < order.size(); from += settings.batchSize()) {
				List<Example> examples = order.subList(from, Math.min(order.size(), from + settings.batchSize()));
				try (NDManager scope = trainer.getManager().newSubManager()) {
					NDList inputs = member.net.inputs(scope,
							tokenDropout(data.rows(examples), settings.tokenDropout(), member.shuffle));
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
				report(epoch, ++step);
			}
			return lossSum / order.size();
		}

		private EpochMetrics validate(List<Member> members, int epoch, double trainLoss) {
			if (validation.examples.isEmpty()) {
				return new EpochMetrics(epoch, trainLoss, null, null);
			}
			List<double[]> memberRewards = new ArrayList<>();
			List<double[]> reference = new ArrayList<>();
			for (Member member : members) {
				memberRewards.add(member.rewards(member.prepared.validation()));
				reference.add(ensemble ? member.rewards(member.prepared.training()) : null);
			}
			double[] rewards = combined(memberRewards, reference);
			Loss loss = members.get(0).trainer.getLoss();
			double lossSum = 0;
			for (int from = 0; from < validation.examples.size(); from += settings.batchSize()) {
				List<Example> examples = validation.examples.subList(from,
						Math.min(validation.examples.size(), from + settings.batchSize()));
				try (NDManager scope = members.get(0).trainer.getManager().newSubManager()) {
					List<EncodedText> rows = validation.rows(examples);
					double[] batchRewards = new double[rows.size()];
					int at = 0;
					for (Example example : examples) {
						for (int row : example.rows()) {
							batchRewards[at++] = rewards[row];
						}
					}
					NDArray predictions = scope.create(toFloats(batchRewards));
					lossSum += loss.evaluate(labels(scope, examples), new NDList(predictions)).getFloat()
							* examples.size();
				}
			}
			return new EpochMetrics(epoch, trainLoss, lossSum / validation.examples.size(),
					pairwiseAccuracy(validation.examples, rewards));
		}

		private NDList labels(NDManager scope, List<Example> examples) {
			return settings.objective() == Objective.RANK ? rankLabels(scope, examples) : scoreLabels(scope, examples);
		}

		private void report(int epoch, int done) {
			if (!monitor.proceed(
					new TrainingProgress((double) done / totalSteps, epoch, settings.epochs(), List.copyOf(metrics)))) {
				throw new TrainingCancelledException();
			}
		}

	}

	/** One network of a run with its own Model, Trainer and shuffling. */
	private static final class Member implements AutoCloseable {

		final Prepared prepared;

		final RewardNet net;

		final Random shuffle;

		private final Model model;

		final Trainer trainer;

		Member(Prepared prepared, TrainingSettings settings, long seed, int totalSteps) {
			this.prepared = prepared;
			this.net = RewardNet.create(prepared.config());
			this.shuffle = new Random(seed);
			Loss loss = settings.objective() == Objective.RANK ? new RankPairLoss() : new ScoreLoss();
			DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(loss)
				.optDevices(new Device[] { Device.cpu() })
				.optOptimizer(Optimizer.adamW()
					.optLearningRateTracker(schedule((float) settings.learningRate(), totalSteps))
					.optWeightDecays((float) settings.weightDecay())
					.build());
			NativeEngine.get().setRandomSeed((int) seed);
			this.model = Model.newInstance("reward-model", Device.cpu(), "PyTorch");
			try {
				model.setBlock(net);
				this.trainer = model.newTrainer(trainingConfig);
				trainer.initialize(net.sampleShapes());
			}
			catch (RuntimeException e) {
				model.close();
				throw e;
			}
		}

		double[] rewards(Encoded data) {
			return RewardModel.score(trainer.getManager(), net, new ParameterStore(trainer.getManager(), false),
					data.table);
		}

		@Override
		public void close() {
			trainer.close();
			model.close();
		}

	}

	/**
	 * Drops a random share of token ids from training rows: on a few thousand pairs a bag
	 * of words otherwise memorises rare words (measured on HH: see
	 * bench/training/README.md).
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

	/**
	 * Labels for {@link RankPairLoss}: winner rows, loser rows and pair weights within
	 * the batch.
	 */
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

	/**
	 * Labels for {@link ScoreLoss}: the scored rows and their targets within the batch.
	 */
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

	/**
	 * Share of ordered pairs whose winner has the higher reward; equal rewards count
	 * half.
	 */
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

	/**
	 * Linear warm-up over the first 10% of steps to the peak, then linear decay to a
	 * tenth of it.
	 */
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

	/**
	 * The distinct (prompt, candidate) texts of one side of the split, encoded once, and
	 * its examples.
	 */
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
