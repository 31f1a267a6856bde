package org.ranklab.training.engine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

/**
 * A trained reward model loaded for scoring, from the zip described in
 * {@link ModelArtifact}. An ensemble scores with the mean of its members' normalised
 * scores. Close it to free native memory.
 */
public final class RewardModel implements AutoCloseable {

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
		this.encoder = TextEncoder.of(config, vocabulary);
		this.manager = manager;
		this.net = net;
		this.store = new ParameterStore(manager, false);
		warmUp();
	}

	public static RewardModel load(byte[] artifact) {
		return load(new ByteArrayInputStream(artifact));
	}

	public static RewardModel load(InputStream artifact) {
		return load(ModelArtifact.read(artifact));
	}

	private static RewardModel load(ModelArtifact artifact) {
		if (!artifact.members().isEmpty()) {
			List<RewardModel> members = new ArrayList<>();
			try {
				for (ModelArtifact member : artifact.members()) {
					members.add(load(member));
				}
				return new RewardModel(artifact.config(), members);
			}
			catch (RuntimeException e) {
				members.forEach(RewardModel::close);
				throw e;
			}
		}
		NDManager manager = NativeEngine.get().newBaseManager();
		try {
			return new RewardModel(artifact.config(), artifact.vocabulary(), manager, artifact.network(manager));
		}
		catch (RuntimeException e) {
			manager.close();
			throw e;
		}
	}

	/** An ensemble's members, in artifact order; empty for a single network. */
	public List<RewardModel> members() {
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
		return scoreAll(List.of(new PromptResponses(prompt, responses))).get(0);
	}

	/**
	 * {@link #score} of several prompts' responses at once: all rows go through the
	 * network together, in batches of rows of about the same length.
	 */
	public List<double[]> scoreAll(List<PromptResponses> items) {
		List<double[]> scores = rawScoresOfAll(items);
		double std = config.rewardStd() > 1e-9 ? config.rewardStd() : 1.0;
		for (double[] raw : scores) {
			for (int i = 0; i < raw.length; i++) {
				raw[i] = (raw[i] - config.rewardMean()) / std;
			}
		}
		return scores;
	}

	/**
	 * The network's raw rewards (an ensemble's: the mean of its members' normalised
	 * rewards), in order.
	 */
	public double[] rawScores(String prompt, List<String> responses) {
		return rawScoresOfAll(List.of(new PromptResponses(prompt, responses))).get(0);
	}

	/**
	 * Not synchronized: requests score with one loaded model at the same time. Each call
	 * makes its own arrays in its own sub-manager (whose parent keeps its children in a
	 * concurrent map) and only reads the parameters, which PyTorch allows from several
	 * threads; the one unguarded write in DJL's {@link ParameterStore} (filling its
	 * per-parameter list on first use) happened at load ({@link #warmUp}). The tokenizers
	 * keep no state between calls, and the sentence embedder guards its own cache.
	 */
	private List<double[]> rawScoresOfAll(List<PromptResponses> items) {
		if (!members.isEmpty()) {
			return meanOfMembers(items);
		}
		List<EncodedText> rows = new ArrayList<>();
		for (PromptResponses item : items) {
			TextEncoder.PromptTokens promptTokens = encoder.prompt(item.prompt());
			for (String response : item.responses()) {
				rows.add(encoder.encode(promptTokens, response));
			}
		}
		double[] flat = net.rewards(manager, store, rows);
		List<double[]> scores = new ArrayList<>(items.size());
		int from = 0;
		for (PromptResponses item : items) {
			scores.add(Arrays.copyOfRange(flat, from, from + item.responses().size()));
			from += item.responses().size();
		}
		return scores;
	}

	/** An ensemble's raw reward: the mean of its members' normalised rewards. */
	private List<double[]> meanOfMembers(List<PromptResponses> items) {
		List<double[]> sums = new ArrayList<>();
		for (PromptResponses item : items) {
			sums.add(new double[item.responses().size()]);
		}
		for (RewardModel member : members) {
			List<double[]> scores = member.scoreAll(items);
			for (int item = 0; item < sums.size(); item++) {
				double[] sum = sums.get(item);
				for (int i = 0; i < sum.length; i++) {
					sum[i] += scores.get(item)[i] / members.size();
				}
			}
		}
		return sums;
	}

	/**
	 * One forward pass before the model is shared, so that DJL's parameter store holds
	 * every parameter before concurrent calls read it.
	 */
	private void warmUp() {
		net.rewards(manager, store, List.of(encoder.encode("", "")));
	}

	@Override
	public synchronized void close() {
		members.forEach(RewardModel::close);
		if (manager != null) {
			manager.close();
		}
	}

}
