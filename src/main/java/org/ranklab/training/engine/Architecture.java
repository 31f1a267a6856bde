package org.ranklab.training.engine;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The network that turns (prompt, response) into one scalar reward. */
public enum Architecture {

	/**
	 * Mean- and max-pooled word and word-bigram embeddings of the response, the
	 * mean-pooled prompt, their elementwise product and length features, into a small
	 * MLP. Fast, and the best measured on small data.
	 */
	POOLED("pooled", null),

	/**
	 * A small pre-norm Transformer encoder over "[CLS] prompt [SEP] response" with
	 * learned positions.
	 */
	TRANSFORMER("transformer", null),

	/**
	 * The pooled network plus a linear term on frozen, pretrained all-MiniLM-L6-v2
	 * sentence embeddings (English) of prompt and response: the response embedding, its
	 * elementwise product with the prompt's, and their cosine. The encoder runs offline
	 * from its jar; embeddings are computed once per distinct text. Slower to train (one
	 * encoder pass per distinct text).
	 */
	MINILM("minilm", SentenceEmbedder.MINILM),

	/**
	 * The pretrained all-MiniLM-L6-v2 encoder (6 layers, hidden 384, from its jar)
	 * fine-tuned end to end as a cross-encoder over "[CLS] prompt's last turns [SEP]
	 * response [SEP]" in its own word pieces, with a linear head on its mean output state
	 * and the length features. Its lowest layers can stay frozen. The slowest to train by
	 * far: every step runs the encoder.
	 */
	FINETUNED("finetuned", null),

	/**
	 * Several networks (by default {@link #ENSEMBLE_MEMBERS}: three {@link #POOLED} and
	 * one {@link #MINILM}; a {@link #FINETUNED} member trains with its own defaults)
	 * trained side by side on the same split with different seeds; the reward is the mean
	 * of their rewards, each standardised by its mean and standard deviation over the
	 * training candidates. Costs one training per member plus MiniLM's pass over the
	 * texts. With the length prior, the best on the inner validation parts of both data
	 * sets of the protocol, so the default.
	 */
	ENSEMBLE("ensemble", null);

	/**
	 * What a run trains when the request names no architecture: the protocol's choice,
	 * the best mean inner validation accuracy on HH and OpenAssistant
	 * (bench/training/README.md).
	 */
	public static final Architecture DEFAULT = ENSEMBLE;

	/**
	 * The members of {@link #ENSEMBLE}, chosen by measurement (bench/training/README.md).
	 */
	public static final List<Architecture> ENSEMBLE_MEMBERS = List.of(POOLED, POOLED, POOLED, MINILM);

	private final String apiName;

	private final String textEncoder;

	Architecture(String apiName, String textEncoder) {
		this.apiName = apiName;
		this.textEncoder = textEncoder;
	}

	/** The pretrained sentence encoder this architecture reads, or null. */
	String textEncoder() {
		return textEncoder;
	}

	@JsonValue
	public String apiName() {
		return apiName;
	}

	@JsonCreator
	public static Architecture fromApiName(String name) {
		return Arrays.stream(values())
			.filter(a -> a.apiName.equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown architecture: " + name));
	}

}
