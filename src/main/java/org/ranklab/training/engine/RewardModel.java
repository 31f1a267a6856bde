package org.ranklab.training.engine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
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
		return net.rewards(manager, store, rows);
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
