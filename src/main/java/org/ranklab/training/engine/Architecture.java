package org.ranklab.training.engine;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The network that turns (prompt, response) into one scalar reward. */
public enum Architecture {

	/**
	 * Mean- and max-pooled word and word-bigram embeddings of the response, the mean-pooled prompt, their elementwise
	 * product and length features, into a small MLP. Fast, and the best measured on small data.
	 */
	POOLED("pooled"),

	/** A small pre-norm Transformer encoder over "[CLS] prompt [SEP] response" with learned positions. */
	TRANSFORMER("transformer");

	private final String apiName;

	Architecture(String apiName) {
		this.apiName = apiName;
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
