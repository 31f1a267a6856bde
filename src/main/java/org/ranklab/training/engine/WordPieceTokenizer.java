package org.ranklab.training.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

/**
 * A pretrained encoder's own WordPiece tokenizer, read by DJL's Hugging Face tokenizers
 * (whose native library ships inside their jar) from the {@code tokenizer.json} beside
 * the weights. Texts are tokenized without special tokens, truncation or padding: the
 * caller cuts and frames them. Loaded once per JVM and never closed.
 */
final class WordPieceTokenizer implements TextEncoder.Tokens {

	/**
	 * Characters kept before tokenizing: a word piece covers about four characters, so
	 * this is far more than any sequence length the encoder reads, and bounds the time a
	 * huge text costs.
	 */
	private static final int CHARS_PER_TOKEN_KEPT = 8;

	private static volatile WordPieceTokenizer minilm;

	private final HuggingFaceTokenizer tokenizer;

	private final int cls;

	private final int sep;

	private WordPieceTokenizer(HuggingFaceTokenizer tokenizer) {
		this.tokenizer = tokenizer;
		long[] framed = tokenizer.encode("", true, false).getIds();
		this.cls = (int) framed[0];
		this.sep = (int) framed[framed.length - 1];
	}

	/** The tokenizer of all-MiniLM-L6-v2, from the langchain4j jar. */
	static WordPieceTokenizer minilm() {
		WordPieceTokenizer loaded = minilm;
		if (loaded == null) {
			synchronized (WordPieceTokenizer.class) {
				if (minilm == null) {
					minilm = new WordPieceTokenizer(load("/all-minilm-l6-v2-tokenizer.json"));
				}
				loaded = minilm;
			}
		}
		return loaded;
	}

	private static HuggingFaceTokenizer load(String resource) {
		System.setProperty("ai.djl.offline", "true");
		try (InputStream json = WordPieceTokenizer.class.getResourceAsStream(resource)) {
			if (json == null) {
				throw new IllegalStateException(resource + " is not on the class path");
			}
			return HuggingFaceTokenizer.newInstance(json,
					Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false"));
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + resource, e);
		}
	}

	int cls() {
		return cls;
	}

	int sep() {
		return sep;
	}

	@Override
	public TextEncoder.Tokenized tokenize(String text, int maxTokens, boolean fromEnd) {
		int keep = maxTokens * CHARS_PER_TOKEN_KEPT;
		String cut = text.length() <= keep ? text
				: fromEnd ? text.substring(text.length() - keep) : text.substring(0, keep);
		Encoding encoding = tokenizer.encode(cut, false, false);
		long[] ids = encoding.getIds();
		int[] kept = new int[ids.length];
		for (int i = 0; i < ids.length; i++) {
			kept[i] = (int) ids[i];
		}
		return new TextEncoder.Tokenized(List.of(encoding.getTokens()), kept);
	}

}
