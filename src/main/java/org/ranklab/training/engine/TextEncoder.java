package org.ranklab.training.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns texts into {@link EncodedText}: tokens, vocabulary ids, truncation and hand-made
 * features.
 */
final class TextEncoder {

	/**
	 * log(1 + response tokens), log(1 + response chars), log(1 + response lines), prompt
	 * overlap, log(1 + prompt tokens).
	 */
	static final int FEATURES = 5;

	private final TextTokenizer tokenizer;

	private final Vocabulary vocabulary;

	private final int maxPromptTokens;

	private final int maxResponseTokens;

	private final SentenceEmbedder embedder;

	TextEncoder(TextTokenizer tokenizer, Vocabulary vocabulary, int maxPromptTokens, int maxResponseTokens) {
		this(tokenizer, vocabulary, maxPromptTokens, maxResponseTokens, null);
	}

	/**
	 * With an embedder, every row also carries the pretrained interaction features
	 * ({@link #embeddingFeatures}).
	 */
	TextEncoder(TextTokenizer tokenizer, Vocabulary vocabulary, int maxPromptTokens, int maxResponseTokens,
			SentenceEmbedder embedder) {
		this.tokenizer = tokenizer;
		this.vocabulary = vocabulary;
		this.maxPromptTokens = maxPromptTokens;
		this.maxResponseTokens = maxResponseTokens;
		this.embedder = embedder;
	}

	/**
	 * Width of the pretrained features: response embedding, prompt * response, cosine.
	 */
	static int embeddingFeatures(String textEncoder) {
		return textEncoder == null ? 0 : 2 * SentenceEmbedder.DIMENSION + 1;
	}

	/**
	 * The prompt's tokens, to encode several responses to one prompt without tokenizing
	 * it again.
	 */
	PromptTokens prompt(String prompt) {
		List<String> tokens = tokenizer.tokens(prompt);
		int from = Math.max(0, tokens.size() - maxPromptTokens);
		int[] ids = new int[tokens.size() - from];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = vocabulary.id(tokens.get(from + i));
		}
		return new PromptTokens(ids, new HashSet<>(tokens), tokens.size(),
				embedder == null ? null : embedder.embedEnd(prompt));
	}

	EncodedText encode(PromptTokens prompt, String response) {
		List<String> tokens = tokenizer.tokens(response);
		int[] ids = new int[Math.min(tokens.size(), maxResponseTokens)];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = vocabulary.id(tokens.get(i));
		}
		long shared = tokens.stream().filter(prompt.distinct()::contains).count();
		long lines = response.lines().filter(line -> !line.isBlank()).count();
		float[] features = { (float) Math.log1p(tokens.size()) / 5f, (float) Math.log1p(response.length()) / 8f,
				(float) Math.log1p(lines) / 3f, tokens.isEmpty() ? 0f : (float) shared / tokens.size(),
				(float) Math.log1p(prompt.count()) / 5f };
		return new EncodedText(prompt.ids(), ids, features,
				embedder == null ? null : interaction(prompt.embedding(), embedder.embed(response)));
	}

	/**
	 * [response * sqrt(D), prompt * response * D, cosine]: scaled so that entries of unit
	 * vectors come out near unit size, like the other inputs of the head. The product
	 * carries how the response relates to its prompt, which a pair-wise head needs: the
	 * prompt alone is the same for both sides of a pair.
	 */
	static float[] interaction(float[] prompt, float[] response) {
		int d = response.length;
		float[] values = new float[2 * d + 1];
		float root = (float) Math.sqrt(d);
		double cosine = 0;
		for (int i = 0; i < d; i++) {
			values[i] = response[i] * root;
			values[d + i] = prompt[i] * response[i] * d;
			cosine += prompt[i] * response[i];
		}
		values[2 * d] = (float) cosine;
		return values;
	}

	EncodedText encode(String prompt, String response) {
		return encode(prompt(prompt), response);
	}

	record PromptTokens(int[] ids, Set<String> distinct, int count, float[] embedding) {
	}

}
