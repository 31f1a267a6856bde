package org.ranklab.training.engine;

/**
 * Everything a training run needs besides the data. Start from {@link #defaults()} or
 * {@link #of}; the defaults were chosen by measurement (see bench/training/README.md).
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
 */
public record TrainingSettings(Objective objective, Architecture architecture, int epochs, double learningRate,
		int batchSize, double validationFraction, long seed, int maxPromptTokens, int maxResponseTokens,
		int embeddingSize, int hiddenSize, double weightDecay, double dropout, double tokenDropout, int threads) {

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
	}

	/**
	 * The measured defaults of the pooled network, the fastest (benchmarks and tests
	 * start from these; the API's default architecture is {@link Architecture#DEFAULT}).
	 */
	public static TrainingSettings defaults() {
		return defaults(Architecture.POOLED);
	}

	/** The measured defaults for one architecture. */
	public static TrainingSettings defaults(Architecture architecture) {
		int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
		return switch (architecture) {
			case POOLED, ENSEMBLE -> new TrainingSettings(Objective.RANK, architecture, 4, 3e-3, 32, 0.1, 42, 128, 256,
					64, 64, 1.0, 0.2, 0.25, threads);
			// one epoch: on HH's inner validation 0.635 against 0.628 (2 epochs) and
			// 0.617 (4 epochs)
			case MINILM -> new TrainingSettings(Objective.RANK, architecture, 1, 3e-3, 32, 0.1, 42, 128, 256, 64, 64,
					1.0, 0.2, 0.25, threads);
			// chosen on HH's inner validation: 3 epochs beat 6, 64/96 tokens beat 96/160
			// (bench/training/README.md)
			case TRANSFORMER -> new TrainingSettings(Objective.RANK, architecture, 3, 1e-3, 16, 0.1, 42, 64, 96, 64, 64,
					1.0, 0.1, 0.25, threads);
		};
	}

	/**
	 * Fills what a caller left out (null) with the defaults of the chosen architecture,
	 * as the REST API does for its optional fields.
	 */
	public static TrainingSettings of(Objective objective, Architecture architecture, Integer epochs,
			Double learningRate, Integer batchSize, Double validationFraction, Long seed) {
		TrainingSettings d = defaults(architecture == null ? Architecture.DEFAULT : architecture);
		return new TrainingSettings(objective == null ? d.objective : objective, d.architecture,
				epochs == null ? d.epochs : epochs, learningRate == null ? d.learningRate : learningRate,
				batchSize == null ? d.batchSize : batchSize,
				validationFraction == null ? d.validationFraction : validationFraction, seed == null ? d.seed : seed,
				d.maxPromptTokens, d.maxResponseTokens, d.embeddingSize, d.hiddenSize, d.weightDecay, d.dropout,
				d.tokenDropout, d.threads);
	}

	public TrainingSettings withObjective(Objective value) {
		return new TrainingSettings(value, architecture, epochs, learningRate, batchSize, validationFraction, seed,
				maxPromptTokens, maxResponseTokens, embeddingSize, hiddenSize, weightDecay, dropout, tokenDropout,
				threads);
	}

	public TrainingSettings withArchitecture(Architecture value) {
		return new TrainingSettings(objective, value, epochs, learningRate, batchSize, validationFraction, seed,
				maxPromptTokens, maxResponseTokens, embeddingSize, hiddenSize, weightDecay, dropout, tokenDropout,
				threads);
	}

	public TrainingSettings withEpochs(int value) {
		return new TrainingSettings(objective, architecture, value, learningRate, batchSize, validationFraction, seed,
				maxPromptTokens, maxResponseTokens, embeddingSize, hiddenSize, weightDecay, dropout, tokenDropout,
				threads);
	}

	public TrainingSettings withLearningRate(double value) {
		return new TrainingSettings(objective, architecture, epochs, value, batchSize, validationFraction, seed,
				maxPromptTokens, maxResponseTokens, embeddingSize, hiddenSize, weightDecay, dropout, tokenDropout,
				threads);
	}

	public TrainingSettings withBatchSize(int value) {
		return new TrainingSettings(objective, architecture, epochs, learningRate, value, validationFraction, seed,
				maxPromptTokens, maxResponseTokens, embeddingSize, hiddenSize, weightDecay, dropout, tokenDropout,
				threads);
	}

	public TrainingSettings withValidationFraction(double value) {
		return new TrainingSettings(objective, architecture, epochs, learningRate, batchSize, value, seed,
				maxPromptTokens, maxResponseTokens, embeddingSize, hiddenSize, weightDecay, dropout, tokenDropout,
				threads);
	}

	public TrainingSettings withSeed(long value) {
		return new TrainingSettings(objective, architecture, epochs, learningRate, batchSize, validationFraction, value,
				maxPromptTokens, maxResponseTokens, embeddingSize, hiddenSize, weightDecay, dropout, tokenDropout,
				threads);
	}

	public TrainingSettings withMaxTokens(int prompt, int response) {
		return new TrainingSettings(objective, architecture, epochs, learningRate, batchSize, validationFraction, seed,
				prompt, response, embeddingSize, hiddenSize, weightDecay, dropout, tokenDropout, threads);
	}

	public TrainingSettings withNetwork(int embedding, int hidden, double dropoutRate) {
		return new TrainingSettings(objective, architecture, epochs, learningRate, batchSize, validationFraction, seed,
				maxPromptTokens, maxResponseTokens, embedding, hidden, weightDecay, dropoutRate, tokenDropout, threads);
	}

	public TrainingSettings withTokenDropout(double value) {
		return new TrainingSettings(objective, architecture, epochs, learningRate, batchSize, validationFraction, seed,
				maxPromptTokens, maxResponseTokens, embeddingSize, hiddenSize, weightDecay, dropout, value, threads);
	}

	public TrainingSettings withWeightDecay(double value) {
		return new TrainingSettings(objective, architecture, epochs, learningRate, batchSize, validationFraction, seed,
				maxPromptTokens, maxResponseTokens, embeddingSize, hiddenSize, value, dropout, tokenDropout, threads);
	}

	public TrainingSettings withThreads(int value) {
		return new TrainingSettings(objective, architecture, epochs, learningRate, batchSize, validationFraction, seed,
				maxPromptTokens, maxResponseTokens, embeddingSize, hiddenSize, weightDecay, dropout, tokenDropout,
				value);
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
