package org.ranklab.training.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps MiniLM embeddings between benchmark runs (a temp file, never the repository), so
 * repeated benchmark invocations on the loaded machine do not embed the same texts again.
 * The trainer itself caches only in memory.
 */
final class EmbeddingCacheFile {

	private EmbeddingCacheFile() {
	}

	static void read(Path file, SentenceEmbedder embedder) throws IOException {
		if (!Files.exists(file)) {
			return;
		}
		Map<String, float[]> embeddings = new HashMap<>();
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
			int count = in.readInt();
			for (int i = 0; i < count; i++) {
				String text = in.readUTF();
				float[] vector = new float[in.readInt()];
				for (int j = 0; j < vector.length; j++) {
					vector[j] = in.readFloat();
				}
				embeddings.put(text, vector);
			}
		}
		embedder.remember(embeddings);
	}

	static void write(Path file, SentenceEmbedder embedder) throws IOException {
		Map<String, float[]> embeddings = embedder.cached();
		try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
			out.writeInt(embeddings.size());
			for (Map.Entry<String, float[]> entry : embeddings.entrySet()) {
				out.writeUTF(entry.getKey());
				out.writeInt(entry.getValue().length);
				for (float v : entry.getValue()) {
					out.writeFloat(v);
				}
			}
		}
	}

}
