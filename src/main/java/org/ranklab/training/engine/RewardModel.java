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
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

/**
 * A trained reward model loaded for scoring. The artifact is a zip of {@code config.json}
 * ({@link ModelConfig}), {@code vocabulary.txt} (UTF-8, one token per line, the line at
 * 0-based index i has id 3 + oov_buckets + i) and {@code weights.safetensors} (float32
 * tensors named as the network's parameters). An ensemble's zip holds its
 * {@code config.json} and one such zip per member ({@code member-1.zip} ..), and scores
 * with the mean of the members' normalised scores. Close it to free native memory.
 */
public final class RewardModel implements AutoCloseable {

	static final String CONFIG = "config.json";

	static final String VOCABULARY = "vocabulary.txt";

	static final String WEIGHTS = "weights.safetensors";

	private static final int ROWS_PER_BATCH = 64;

	private final ModelConfig config;

	private final TextEncoder encoder;

	private final NDManager manager;

	private final RewardNet net;

	private final ParameterStore store;

	private final List<RewardModel> members;

	private RewardModel(ModelConfig config, List<RewardModel> members) {
		this.config = config;
		this.members = List.copyOf(members);
		this.encoder = null;
		this.manager = null;
		this.net = null;
		this.store = null;
	}

	private RewardModel(ModelConfig config, Vocabulary vocabulary, NDManager manager, RewardNet net) {
		this.members = List.of();
		this.config = config;
		this.encoder = new TextEncoder(new TextTokenizer(config.wordBigrams()), vocabulary, config.maxPromptTokens(),
				config.maxResponseTokens(),
				config.textEncoder() == null ? null : SentenceEmbedder.named(config.textEncoder()));
		this.manager = manager;
		this.net = net;
		this.store = new ParameterStore(manager, false);
	}

	public static RewardModel load(byte[] artifact) {
		return load(new ByteArrayInputStream(artifact));
	}

	public static RewardModel load(InputStream artifact) {
		Map<String, byte[]> entries = new HashMap<>();
		try (ZipInputStream zip = new ZipInputStream(artifact)) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				entries.put(entry.getName(), zip.readAllBytes());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("not a reward model zip", e);
		}
		if (!entries.containsKey(CONFIG)) {
			throw new IllegalArgumentException("reward model zip lacks " + CONFIG);
		}
		ModelConfig config = ModelConfig.fromJson(entries.get(CONFIG));
		if (config.architecture() == Architecture.ENSEMBLE) {
			return loadEnsemble(config, entries);
		}
		for (String name : List.of(VOCABULARY, WEIGHTS)) {
			if (!entries.containsKey(name)) {
				throw new IllegalArgumentException("reward model zip lacks " + name);
			}
		}
		Vocabulary vocabulary;
		try {
			vocabulary = Vocabulary.read(new ByteArrayInputStream(entries.get(VOCABULARY)), config.oovBuckets());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		NDManager manager = NativeEngine.get().newBaseManager();
		try {
			RewardNet net = RewardNet.create(config);
			net.initialize(manager, DataType.FLOAT32, net.sampleShapes());
			copyWeights(NDList.decode(manager, entries.get(WEIGHTS)), net);
			return new RewardModel(config, vocabulary, manager, net);
		}
		catch (RuntimeException e) {
			manager.close();
			throw e;
		}
	}

	private static RewardModel loadEnsemble(ModelConfig config, Map<String, byte[]> entries) {
		if (config.members() < 1) {
			throw new IllegalArgumentException("an ensemble config needs members >= 1");
		}
		List<RewardModel> members = new ArrayList<>();
		try {
			for (int i = 1; i <= config.members(); i++) {
				byte[] member = entries.get(memberEntry(i));
				if (member == null) {
					throw new IllegalArgumentException("reward model zip lacks " + memberEntry(i));
				}
				RewardModel loaded = load(member);
				members.add(loaded);
				if (loaded.config.architecture() == Architecture.ENSEMBLE) {
					throw new IllegalArgumentException("an ensemble member cannot be an ensemble");
				}
			}
			return new RewardModel(config, members);
		}
		catch (RuntimeException e) {
			members.forEach(RewardModel::close);
			throw e;
		}
	}

	static String memberEntry(int number) {
		return "member-" + number + ".zip";
	}

	/** Writes the artifact of an ensemble: its config and each member's own artifact. */
	static byte[] ensembleArtifact(ModelConfig config, List<byte[]> members) {
		try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
			try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
				zip.putNextEntry(new ZipEntry(CONFIG));
				zip.write(config.toJson());
				for (int i = 0; i < members.size(); i++) {
					zip.putNextEntry(new ZipEntry(memberEntry(i + 1)));
					zip.write(members.get(i));
				}
			}
			return bytes.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void copyWeights(NDList weights, RewardNet net) {
		Map<String, NDArray> byName = new HashMap<>();
		for (NDArray array : weights) {
			byName.put(array.getName(), array);
		}
		for (Pair<String, Parameter> parameter : net.getParameters()) {
			NDArray stored = byName.get(parameter.getKey());
			NDArray target = parameter.getValue().getArray();
			if (stored == null || !stored.getShape().equals(target.getShape())) {
				throw new IllegalArgumentException("weights do not fit the config: " + parameter.getKey());
			}
			stored.copyTo(target);
		}
	}

	/** Writes the artifact of a network whose parameters hold trained values. */
	static byte[] artifact(ModelConfig config, Vocabulary vocabulary, RewardNet net) {
		NDList weights = new NDList();
		for (Pair<String, Parameter> parameter : net.getParameters()) {
			NDArray array = parameter.getValue().getArray();
			array.setName(parameter.getKey());
			weights.add(array);
		}
		try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
			try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
				zip.putNextEntry(new ZipEntry(CONFIG));
				zip.write(config.toJson());
				zip.putNextEntry(new ZipEntry(VOCABULARY));
				vocabulary.write(zip);
				zip.putNextEntry(new ZipEntry(WEIGHTS));
				weights.encode(zip, NDList.Encoding.SAFETENSORS);
			}
			return bytes.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** An ensemble's members, in artifact order; empty for a single network. */
	List<RewardModel> members() {
		return members;
	}

	public ModelConfig config() {
		return config;
	}

	/**
	 * Rewards normalised by the training set's mean and standard deviation, one per
	 * response, in order.
	 */
	public double[] score(String prompt, List<String> responses) {
		double[] raw = rawScores(prompt, responses);
		double std = config.rewardStd() > 1e-9 ? config.rewardStd() : 1.0;
		for (int i = 0; i < raw.length; i++) {
			raw[i] = (raw[i] - config.rewardMean()) / std;
		}
		return raw;
	}

	/**
	 * The network's raw rewards (an ensemble's: the mean of its members' normalised
	 * rewards), in order.
	 */
	public synchronized double[] rawScores(String prompt, List<String> responses) {
		if (!members.isEmpty()) {
			return meanOfMembers(prompt, responses);
		}
		TextEncoder.PromptTokens promptTokens = encoder.prompt(prompt);
		List<EncodedText> rows = new ArrayList<>(responses.size());
		for (String response : responses) {
			rows.add(encoder.encode(promptTokens, response));
		}
		return score(manager, net, store, rows);
	}

	/**
	 * Scores encoded rows without gradients, in batches, freeing every intermediate
	 * array.
	 */
	static double[] score(NDManager parent, RewardNet net, ParameterStore store, List<EncodedText> rows) {
		double[] scores = new double[rows.size()];
		for (int from = 0; from < rows.size(); from += ROWS_PER_BATCH) {
			List<EncodedText> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_BATCH));
			try (NDManager scope = parent.newSubManager()) {
				float[] values = net.forward(store, net.inputs(scope, chunk), false).head().toFloatArray();
				for (int i = 0; i < values.length; i++) {
					scores[from + i] = values[i];
				}
			}
		}
		return scores;
	}

	/** An ensemble's raw reward: the mean of its members' normalised rewards. */
	private double[] meanOfMembers(String prompt, List<String> responses) {
		double[] sum = new double[responses.size()];
		for (RewardModel member : members) {
			double[] scores = member.score(prompt, responses);
			for (int i = 0; i < sum.length; i++) {
				sum[i] += scores[i] / members.size();
			}
		}
		return sum;
	}

	@Override
	public synchronized void close() {
		members.forEach(RewardModel::close);
		if (manager != null) {
			manager.close();
		}
	}

}
