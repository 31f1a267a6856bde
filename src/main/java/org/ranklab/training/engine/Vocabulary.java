package org.ranklab.training.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Token ids, built from the project's own training texts. Ids: 0 padding, 1 [CLS], 2
 * [SEP], then {@code oovBuckets} ids for tokens outside the vocabulary (FNV-1a hash of
 * the token's UTF-8 bytes modulo the bucket count), then the vocabulary in file order
 * (most frequent first).
 */
final class Vocabulary {

	static final int PAD = 0;

	static final int CLS = 1;

	static final int SEP = 2;

	static final int RESERVED = 3;

	private final List<String> words;

	private final Map<String, Integer> ids;

	private final int oovBuckets;

	Vocabulary(List<String> words, int oovBuckets) {
		this.words = List.copyOf(words);
		this.oovBuckets = oovBuckets;
		this.ids = new HashMap<>(words.size() * 2);
		for (int i = 0; i < words.size(); i++) {
			ids.put(words.get(i), RESERVED + oovBuckets + i);
		}
	}

	/**
	 * Keeps tokens seen at least {@code minCount} times, the most frequent
	 * {@code maxWords} of them.
	 */
	static Vocabulary build(Collection<List<String>> tokenLists, int minCount, int maxWords, int oovBuckets) {
		Map<String, Integer> counts = new HashMap<>();
		for (List<String> tokens : tokenLists) {
			for (String token : tokens) {
				counts.merge(token, 1, Integer::sum);
			}
		}
		List<String> words = counts.entrySet()
			.stream()
			.filter(e -> e.getValue() >= minCount)
			.sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
				.thenComparing(Map.Entry.comparingByKey()))
			.limit(maxWords)
			.map(Map.Entry::getKey)
			.toList();
		return new Vocabulary(words, oovBuckets);
	}

	int id(String token) {
		Integer id = ids.get(token);
		return id != null ? id : RESERVED + Math.floorMod(fnv1a(token), oovBuckets);
	}

	int size() {
		return RESERVED + oovBuckets + words.size();
	}

	int oovBuckets() {
		return oovBuckets;
	}

	List<String> words() {
		return words;
	}

	void write(OutputStream out) throws IOException {
		StringBuilder text = new StringBuilder();
		for (String word : words) {
			text.append(word).append('\n');
		}
		out.write(text.toString().getBytes(StandardCharsets.UTF_8));
	}

	static Vocabulary read(InputStream in, int oovBuckets) throws IOException {
		List<String> words = new ArrayList<>();
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			words.add(line);
		}
		return new Vocabulary(words, oovBuckets);
	}

	static int fnv1a(String token) {
		int hash = 0x811c9dc5;
		for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
			hash ^= b & 0xff;
			hash *= 0x01000193;
		}
		return hash;
	}

}
