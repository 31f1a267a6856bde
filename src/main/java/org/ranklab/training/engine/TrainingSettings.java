package org.ranklab.training.engine;

import java.util.List;

/**
 * Everything a training run needs besides the data. Start from {@link #builder()},
 * {@link #builder(Architecture)} or {@link #of}; the defaults were chosen by measurement
 * (see bench/training/README.md).
 *
 * @param objective what the reward is trained to reproduce
 * @param architecture the network
 * @param epochs passes over the training rankings
 * @param learningRate peak learning rate of AdamW, reached after a linear warm-up and
 * decayed linearly after it
 * @param batchSize rankings (not pairs) per step: all pairs of one ranking stay in one
 * batch
 * @param validationFraction share of prompts held out for validation (0 for none)
 * @param seed makes split, initialisation, shuffling and dropout reproducible
 * @param maxPromptTokens tokens kept from the END of the prompt (the latest turn matters
 * most)
 * @param maxResponseTokens tokens kept from the start of the response
 * @param embeddingSize width of token embeddings (and of the Transformer)
 * @param hiddenSize width of the MLP head
 * @param weightDecay decoupled weight decay of AdamW
 * @param dropout dropout rate inside the network
 * @param tokenDropout share of prompt and response tokens dropped at random from each
 * training batch
 * @param threads intra-op threads of the native engine, bounded so labeling stays
 * responsive
 * @param layers encoder layers: of the Transformer trained from scratch, or the lowest
 * layers of the pretrained encoder that the finetuned network keeps
 * @param frozenLayers the finetuned network's lowest layers (with its embeddings) that
 * keep their pretrained values; 0 trains everything
 * @param headLearningRateFactor the finetuned network's head trains at this multiple of
 * the learning rate (a new head needs larger steps than a pretrained body); 1 elsewhere
 * @param lengthPrior whether the network learns on top of a {@link LengthPrior} fitted
 * first; always false for the direct-score objective
 * @param members the networks trained: an ensemble's members (each a finetuned one with
 * its own defaults), or the architecture alone
 */
public record TrainingSettings(Objective objective, Architecture architecture, int epochs, double learningRate,
		int batchSize, double validationFraction, long seed, int maxPromptTokens, int maxResponseTokens,
		int embeddingSize, int hiddenSize, double weightDecay, double dropout, double tokenDropout, int threads,
		int layers, int frozenLayers, double headLearningRateFactor, boolean lengthPrior, List<Architecture> members) {

	public TrainingSettings {
		require(objective != null, "objective is required");
		require(architecture != null, "architecture is required");
		require(epochs >= 1 && epochs <= 1000, "epochs must be between 1 and 1000");
		require(learningRate > 0 && learningRate <= 1, "learning_rate must be in (0, 1]");
		require(batchSize >= 1 && batchSize <= 4096, "batch_size must be between 1 and 4096");
		require(validationFraction >= 0 && validationFraction < 1, "validation_fraction must be in [0, 1)");
		require(maxPromptTokens >= 1 && maxResponseTokens >= 1, "max tokens must be positive");
		require(embeddingSize >= 4 && hiddenSize >= 1, "network sizes must be positive");
		require(weightDecay >= 0 && dropout >= 0 && dropout < 1 && tokenDropout >= 0 && tokenDropout < 1,
				"weight decay and dropout must be in range");
		require(threads >= 1, "threads must be positive");
		require(layers >= 1 && layers <= 12, "layers must be between 1 and 12");
		require(frozenLayers >= 0 && frozenLayers <= layers, "frozen_layers must be between 0 and layers");
		require(headLearningRateFactor >= 1 && headLearningRateFactor <= 1000,
				"head_learning_rate_factor must be between 1 and 1000");
		// a prior on pairs means nothing to an objective that fits scores
		lengthPrior = lengthPrior && objective == Objective.RANK;
		if (architecture != Architecture.ENSEMBLE) {
			members = List.of(architecture);
		}
		else {
			members = members == null ? Architecture.ENSEMBLE_MEMBERS : List.copyOf(members);
		}
		require(!members.isEmpty() && members.size() <= MAX_MEMBERS
				&& members.stream().noneMatch(m -> m == Architecture.ENSEMBLE),
				"ensemble_members must be 1 to " + MAX_MEMBERS + " architectures other than ensemble");
	}

	/** An ensemble's members at most: each is a training of its own. */
	public static final int MAX_MEMBERS = 8;

	static final int FINETUNED_EPOCHS = 1;

	static final double FINETUNED_LEARNING_RATE = 3e-4;

	/**
	 * Rankings per step: activation memory grows with rows times the square of the
	 * sequence length, and OpenAssistant's rankings hold up to 9 responses.
	 */
	static final int FINETUNED_BATCH_SIZE = 8;

	static final int FINETUNED_PROMPT_TOKENS = 64;

	static final int FINETUNED_RESPONSE_TOKENS = 128;

	static final int FINETUNED_FROZEN_LAYERS = 3;

	static final double FINETUNED_HEAD_LEARNING_RATE_FACTOR = 1;

	/**
	 * A builder starting from the measured defaults of the pooled network, the fastest
	 * (benchmarks and tests start from these; the API's default architecture is
	 * {@link Architecture#DEFAULT}).
	 */
	public static Builder builder() {
		return builder(Architecture.POOLED);
	}

	/** A builder starting from the measured defaults of one architecture. */
	public static Builder builder(Architecture architecture) {
		Builder builder = new Builder(architecture);
		return switch (architecture) {
			case POOLED, ENSEMBLE -> builder;
			// one epoch: on HH's inner validation 0.635 against 0.628 (2 epochs) and
			// 0.617 (4 epochs)
			case MINILM -> builder.optEpochs(1);
			// chosen on HH's inner validation: 3 epochs beat 6, 64/96 tokens beat 96/160
			// (bench/training/README.md)
			case TRANSFORMER ->
				builder.optEpochs(3).optLearningRate(1e-3).optBatchSize(16).optMaxTokens(64, 96).optDropout(0.1);
			// chosen on the inner validation part of OpenAssistant's first training
			// folds (bench/training/README.md): lr 3e-4 0.583 against 5e-5 0.500; 5
			// frozen
			// layers and 2 epochs also 0.583 at 1.4 times the CPU time
			case FINETUNED -> builder.optEpochs(FINETUNED_EPOCHS)
				.optLearningRate(FINETUNED_LEARNING_RATE)
				.optBatchSize(FINETUNED_BATCH_SIZE)
				.optMaxTokens(FINETUNED_PROMPT_TOKENS, FINETUNED_RESPONSE_TOKENS)
				.optEmbeddingSize(FinetunedRewardNet.SIZE)
				.optWeightDecay(0.01)
				.optDropout(0.1)
				.optTokenDropout(0)
				.optLayers(FinetunedRewardNet.MAX_LAYERS)
				.optFrozenLayers(FINETUNED_FROZEN_LAYERS)
				.optHeadLearningRateFactor(FINETUNED_HEAD_LEARNING_RATE_FACTOR);
		};
	}

	/**
	 * Fills what a caller left out (null) with the defaults of the chosen architecture,
	 * as the REST API does for its optional fields.
	 */
	public static TrainingSettings of(Objective objective, Architecture architecture, Integer epochs,
			Double learningRate, Integer batchSize, Double validationFraction, Long seed, Boolean lengthPrior,
			List<Architecture> members) {
		Builder builder = builder(architecture == null ? Architecture.DEFAULT : architecture);
		if (objective != null) {
			builder.optObjective(objective);
		}
		if (epochs != null) {
			builder.optEpochs(epochs);
		}
		if (learningRate != null) {
			builder.optLearningRate(learningRate);
		}
		if (batchSize != null) {
			builder.optBatchSize(batchSize);
		}
		if (validationFraction != null) {
			builder.optValidationFraction(validationFraction);
		}
		if (seed != null) {
			builder.optSeed(seed);
		}
		if (lengthPrior != null) {
			builder.optLengthPrior(lengthPrior);
		}
		if (members != null) {
			builder.optMembers(members);
		}
		return builder.build();
	}

	/** A builder holding these settings, to change some of them. */
	public Builder toBuilder() {
		Builder builder = new Builder(architecture);
		builder.objective = objective;
		builder.epochs = epochs;
		builder.learningRate = learningRate;
		builder.batchSize = batchSize;
		builder.validationFraction = validationFraction;
		builder.seed = seed;
		builder.maxPromptTokens = maxPromptTokens;
		builder.maxResponseTokens = maxResponseTokens;
		builder.embeddingSize = embeddingSize;
		builder.hiddenSize = hiddenSize;
		builder.weightDecay = weightDecay;
		builder.dropout = dropout;
		builder.tokenDropout = tokenDropout;
		builder.threads = threads;
		builder.layers = layers;
		builder.frozenLayers = frozenLayers;
		builder.headLearningRateFactor = headLearningRateFactor;
		builder.lengthPrior = lengthPrior;
		builder.members = members;
		return builder;
	}

	/**
	 * Builds settings in DJL's style: every field starts at the measured default of the
	 * architecture and {@code opt*} changes it; {@link #build()} checks the ranges.
	 */
	public static final class Builder {

		private final Architecture architecture;

		private Objective objective = Objective.RANK;

		private int epochs = 4;

		private double learningRate = 3e-3;

		private int batchSize = 32;

		private double validationFraction = 0.1;

		private long seed = 42;

		private int maxPromptTokens = 128;

		private int maxResponseTokens = 256;

		private int embeddingSize = 64;

		private int hiddenSize = 64;

		private double weightDecay = 1.0;

		private double dropout = 0.2;

		private double tokenDropout = 0.25;

		private int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

		private int layers = 2;

		private int frozenLayers;

		private double headLearningRateFactor = 1;

		/**
		 * On inner validation (bench/training/README.md): OpenAssistant pooled 0.677
		 * against 0.632, minilm 0.687 against 0.596; HH pooled 0.605 against 0.603.
		 */
		private boolean lengthPrior = true;

		private List<Architecture> members = Architecture.ENSEMBLE_MEMBERS;

		private Builder(Architecture architecture) {
			this.architecture = architecture;
		}

		public Builder optObjective(Objective objective) {
			this.objective = objective;
			return this;
		}

		public Builder optEpochs(int epochs) {
			this.epochs = epochs;
			return this;
		}

		public Builder optLearningRate(double learningRate) {
			this.learningRate = learningRate;
			return this;
		}

		public Builder optBatchSize(int batchSize) {
			this.batchSize = batchSize;
			return this;
		}

		public Builder optValidationFraction(double validationFraction) {
			this.validationFraction = validationFraction;
			return this;
		}

		public Builder optSeed(long seed) {
			this.seed = seed;
			return this;
		}

		public Builder optMaxTokens(int prompt, int response) {
			this.maxPromptTokens = prompt;
			this.maxResponseTokens = response;
			return this;
		}

		public Builder optEmbeddingSize(int embeddingSize) {
			this.embeddingSize = embeddingSize;
			return this;
		}

		public Builder optHiddenSize(int hiddenSize) {
			this.hiddenSize = hiddenSize;
			return this;
		}

		public Builder optWeightDecay(double weightDecay) {
			this.weightDecay = weightDecay;
			return this;
		}

		public Builder optDropout(double dropout) {
			this.dropout = dropout;
			return this;
		}

		public Builder optTokenDropout(double tokenDropout) {
			this.tokenDropout = tokenDropout;
			return this;
		}

		public Builder optThreads(int threads) {
			this.threads = threads;
			return this;
		}

		public Builder optLayers(int layers) {
			this.layers = layers;
			return this;
		}

		public Builder optFrozenLayers(int frozenLayers) {
			this.frozenLayers = frozenLayers;
			return this;
		}

		public Builder optHeadLearningRateFactor(double headLearningRateFactor) {
			this.headLearningRateFactor = headLearningRateFactor;
			return this;
		}

		public Builder optLengthPrior(boolean lengthPrior) {
			this.lengthPrior = lengthPrior;
			return this;
		}

		/** An ensemble's members (ignored for other architectures). */
		public Builder optMembers(List<Architecture> members) {
			this.members = members;
			return this;
		}

		public TrainingSettings build() {
			return new TrainingSettings(objective, architecture, epochs, learningRate, batchSize, validationFraction,
					seed, maxPromptTokens, maxResponseTokens, embeddingSize, hiddenSize, weightDecay, dropout,
					tokenDropout, threads, layers, frozenLayers, headLearningRateFactor, lengthPrior, members);
		}

	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
