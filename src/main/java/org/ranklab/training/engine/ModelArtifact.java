package org.ranklab.training.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/**
 * The zip a trained reward model travels in: {@code config.json} ({@link ModelConfig}),
 * {@code vocabulary.txt} (UTF-8, one token per line, the line at 0-based index i has id 3
 * + oov_buckets + i) and {@code weights.safetensors} (float32 tensors named as the
 * network's parameters; a finetuned network's leave out the frozen pretrained ones, which
 * load from their jar). An ensemble's zip holds its {@code config.json} and one such zip
 * per member ({@code member-1.zip} ..).
 *
 * @param config the model's config
 * @param vocabulary a single network's vocabulary; null for an ensemble
 * @param weights a single network's encoded weights; null for an ensemble
 * @param members an ensemble's members in order; empty for a single network
 */
record ModelArtifact(ModelConfig config, Vocabulary vocabulary, byte[] weights, List<ModelArtifact> members) {

	static final String CONFIG = "config.json";

	static final String VOCABULARY = "vocabulary.txt";

	static final String WEIGHTS = "weights.safetensors";

	static ModelArtifact read(InputStream artifact) {
		Map<String, byte[]> entries = new HashMap<>();
		try (ZipInputStream zip = new ZipInputStream(artifact)) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				entries.put(entry.getName(), zip.readAllBytes());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("not a reward model zip", e);
		}
		ModelConfig config = ModelConfig.fromJson(entry(entries, CONFIG));
		if (config.architecture() == Architecture.ENSEMBLE) {
			return readEnsemble(config, entries);
		}
		byte[] vocabulary = entry(entries, VOCABULARY);
		byte[] weights = entry(entries, WEIGHTS);
		try {
			return new ModelArtifact(config, Vocabulary.read(new ByteArrayInputStream(vocabulary), config.oovBuckets()),
					weights, List.of());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static ModelArtifact readEnsemble(ModelConfig config, Map<String, byte[]> entries) {
		if (config.members() < 1) {
			throw new IllegalArgumentException("an ensemble config needs members >= 1");
		}
		List<ModelArtifact> members = new ArrayList<>();
		for (int i = 1; i <= config.members(); i++) {
			ModelArtifact member = read(new ByteArrayInputStream(entry(entries, memberEntry(i))));
			if (member.config().architecture() == Architecture.ENSEMBLE) {
				throw new IllegalArgumentException("an ensemble member cannot be an ensemble");
			}
			members.add(member);
		}
		return new ModelArtifact(config, null, null, List.copyOf(members));
	}

	private static byte[] entry(Map<String, byte[]> entries, String name) {
		byte[] entry = entries.get(name);
		if (entry == null) {
			throw new IllegalArgumentException("reward model zip lacks " + name);
		}
		return entry;
	}

	static String memberEntry(int number) {
		return "member-" + number + ".zip";
	}

	/**
	 * A single network's network with the stored weights, its arrays in {@code manager}.
	 */
	RewardNet network(NDManager manager) {
		RewardNet net = RewardNet.create(config);
		net.initialize(manager, DataType.FLOAT32, net.sampleShapes());
		Map<String, NDArray> byName = new HashMap<>();
		for (NDArray array : NDList.decode(manager, weights)) {
			byName.put(array.getName(), array);
		}
		for (Pair<String, Parameter> parameter : net.getParameters()) {
			NDArray stored = byName.get(parameter.getKey());
			NDArray target = parameter.getValue().getArray();
			if (stored == null && net.pretrained(parameter.getKey())) {
				continue;
			}
			if (stored == null || !stored.getShape().equals(target.getShape())) {
				throw new IllegalArgumentException("weights do not fit the config: " + parameter.getKey());
			}
			stored.copyTo(target);
		}
		return net;
	}

	/** Writes the artifact of a network whose parameters hold trained values. */
	static byte[] write(ModelConfig config, Vocabulary vocabulary, RewardNet net) {
		NDList weights = new NDList();
		for (Pair<String, Parameter> parameter : net.getParameters()) {
			if (!parameter.getValue().requiresGradient() && net.pretrained(parameter.getKey())) {
				// frozen: the pretrained value from the jar
				continue;
			}
			NDArray array = parameter.getValue().getArray();
			array.setName(parameter.getKey());
			weights.add(array);
		}
		return zip(config, zip -> {
			zip.putNextEntry(new ZipEntry(VOCABULARY));
			vocabulary.write(zip);
			zip.putNextEntry(new ZipEntry(WEIGHTS));
			weights.encode(zip, NDList.Encoding.SAFETENSORS);
		});
	}

	/** Writes the artifact of an ensemble: its config and each member's own artifact. */
	static byte[] writeEnsemble(ModelConfig config, List<byte[]> members) {
		return zip(config, zip -> {
			for (int i = 0; i < members.size(); i++) {
				zip.putNextEntry(new ZipEntry(memberEntry(i + 1)));
				zip.write(members.get(i));
			}
		});
	}

	private static byte[] zip(ModelConfig config, Entries rest) {
		try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
			try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
				zip.putNextEntry(new ZipEntry(CONFIG));
				zip.write(config.toJson());
				rest.write(zip);
			}
			return bytes.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@FunctionalInterface
	private interface Entries {

		void write(ZipOutputStream zip) throws IOException;

	}

}
