package org.ranklab.training.engine;

import java.util.List;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code config.json} of a reward model artifact: everything needed to rebuild the
 * network and its tokenizer.
 *
 * @param format always {@value #FORMAT}
 * @param formatVersion bumped on any incompatible change of the artifact
 * @param architecture the network, see {@link Architecture}
 * @param objective what it was trained on
 * @param embeddingSize token embedding width
 * @param hiddenSize MLP head width
 * @param layers Transformer layers (0 for the pooled network)
 * @param heads attention heads (0 for the pooled network)
 * @param dropout dropout rate used in training (inactive when scoring)
 * @param maxPromptTokens prompt tokens kept, from the end
 * @param maxResponseTokens response tokens kept, from the start
 * @param wordBigrams whether the tokenizer adds word bigrams
 * @param oovBuckets hashed ids for tokens outside the vocabulary
 * @param vocabularyWords number of lines in {@code vocabulary.txt}
 * @param rewardMean mean raw reward over the training candidates
 * @param rewardStd standard deviation of the raw reward over the training candidates
 * @param textEncoder the pretrained sentence encoder whose embeddings the network reads
 * ({@code all-minilm-l6-v2}), loaded from its jar on the class path and never stored in
 * the artifact; null (absent) for none; for an ensemble, the encoder one of its members
 * reads
 * @param members for {@link Architecture#ENSEMBLE}: how many member models the zip holds
 * ({@code member-1.zip} ..); 0 (absent) otherwise
 * @param lengthPrior the weights of the {@link LengthPrior} on the length features that
 * the network's reward is added to; null (absent) for none
 */
public record ModelConfig(String format, int formatVersion, Architecture architecture, Objective objective,
		int embeddingSize, int hiddenSize, int layers, int heads, double dropout, int maxPromptTokens,
		int maxResponseTokens, boolean wordBigrams, int oovBuckets, int vocabularyWords, double rewardMean,
		double rewardStd, String textEncoder, Integer members, List<Double> lengthPrior) {

	public ModelConfig {
		// absent in artifacts written before ensembles existed
		members = members == null ? 0 : members;
		lengthPrior = lengthPrior == null ? null : List.copyOf(lengthPrior);
	}

	public static final String FORMAT = "ranklab-reward-model";

	public static final int FORMAT_VERSION = 1;

	static final JsonMapper JSON = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.build();

	int vocabularySize() {
		return Vocabulary.RESERVED + oovBuckets + vocabularyWords;
	}

	ModelConfig withRewardStatistics(double mean, double std) {
		return new ModelConfig(format, formatVersion, architecture, objective, embeddingSize, hiddenSize, layers, heads,
				dropout, maxPromptTokens, maxResponseTokens, wordBigrams, oovBuckets, vocabularyWords, mean, std,
				textEncoder, members, lengthPrior);
	}

	ModelConfig withLengthPrior(List<Double> weights) {
		return new ModelConfig(format, formatVersion, architecture, objective, embeddingSize, hiddenSize, layers, heads,
				dropout, maxPromptTokens, maxResponseTokens, wordBigrams, oovBuckets, vocabularyWords, rewardMean,
				rewardStd, textEncoder, members, weights);
	}

	/**
	 * The config of an ensemble of members built with this config's tokenizer settings.
	 */
	ModelConfig asEnsemble(int memberCount, String memberTextEncoder) {
		return new ModelConfig(format, formatVersion, Architecture.ENSEMBLE, objective, embeddingSize, hiddenSize,
				layers, heads, dropout, maxPromptTokens, maxResponseTokens, wordBigrams, oovBuckets, vocabularyWords,
				rewardMean, rewardStd, memberTextEncoder, memberCount, null);
	}

	byte[] toJson() {
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
	}

	static ModelConfig fromJson(byte[] json) {
		ModelConfig config = JSON.readValue(json, ModelConfig.class);
		if (!FORMAT.equals(config.format()) || config.formatVersion() != FORMAT_VERSION) {
			throw new IllegalArgumentException("not a " + FORMAT + " version " + FORMAT_VERSION + " config");
		}
		return config;
	}

}
