package org.ranklab.training.engine;

import java.util.Arrays;
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

	private final Tokens tokens;

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
		this(words(tokenizer, vocabulary), maxPromptTokens, maxResponseTokens, embedder);
	}

	TextEncoder(Tokens tokens, int maxPromptTokens, int maxResponseTokens, SentenceEmbedder embedder) {
		this.tokens = tokens;
		this.maxPromptTokens = maxPromptTokens;
		this.maxResponseTokens = maxResponseTokens;
		this.embedder = embedder;
	}

	/**
	 * The encoder a network of this config reads: the finetuned network's own word
	 * pieces, or the run's vocabulary of word tokens (with the pretrained sentence
	 * embeddings the config names).
	 */
	static TextEncoder of(ModelConfig config, Vocabulary vocabulary) {
		Tokens tokens = config.architecture() == Architecture.FINETUNED ? WordPieceTokenizer.minilm()
				: words(new TextTokenizer(config.wordBigrams()), vocabulary);
		return new TextEncoder(tokens, config.maxPromptTokens(), config.maxResponseTokens(),
				config.textEncoder() == null ? null : SentenceEmbedder.named(config.textEncoder()));
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
		Tokenized tokenized = this.tokens.tokenize(prompt, maxPromptTokens, true);
		int[] all = tokenized.ids();
		int[] ids = Arrays.copyOfRange(all, Math.max(0, all.length - maxPromptTokens), all.length);
		return new PromptTokens(ids, new HashSet<>(tokenized.tokens()), all.length,
				embedder == null ? null : embedder.embedEnd(prompt));
	}

	EncodedText encode(PromptTokens prompt, String response) {
		Tokenized tokenized = this.tokens.tokenize(response, maxResponseTokens, false);
		List<String> tokens = tokenized.tokens();
		int[] ids = Arrays.copyOf(tokenized.ids(), Math.min(tokens.size(), maxResponseTokens));
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

	/**
	 * The word tokens of {@link TextTokenizer} with ids from a run's {@link Vocabulary}.
	 */
	static Tokens words(TextTokenizer tokenizer, Vocabulary vocabulary) {
		return (text, maxTokens, fromEnd) -> {
			List<String> tokens = tokenizer.tokens(text);
			return new Tokenized(tokens, tokens.stream().mapToInt(vocabulary::id).toArray());
		};
	}

	/** Splits texts into tokens with their ids. */
	interface Tokens {

		/**
		 * All tokens of the text, or at least the {@code maxTokens} at its end
		 * ({@code fromEnd}) or start.
		 */
		Tokenized tokenize(String text, int maxTokens, boolean fromEnd);

	}

	/** A text's tokens and, position by position, their ids. */
	record Tokenized(List<String> tokens, int[] ids) {
	}

	record PromptTokens(int[] ids, Set<String> distinct, int count, float[] embedding) {
	}

}
