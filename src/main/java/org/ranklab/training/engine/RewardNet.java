package org.ranklab.training.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;

/**
 * A network mapping a batch of encoded (prompt, response) rows to one reward per row,
 * shape [rows].
 */
abstract class RewardNet extends AbstractBlock {

	private static final int ROWS_PER_BATCH = 64;

	/** The {@link LengthPrior}'s weights, or null. */
	private final float[] lengthPrior;

	RewardNet(ModelConfig config) {
		if (config.lengthPrior() == null) {
			this.lengthPrior = null;
		}
		else {
			this.lengthPrior = new float[config.lengthPrior().size()];
			for (int i = 0; i < lengthPrior.length; i++) {
				lengthPrior[i] = config.lengthPrior().get(i).floatValue();
			}
		}
	}

	/** The input arrays of a batch, created in {@code manager}. */
	abstract NDList inputs(NDManager manager, List<EncodedText> rows);

	/** Input shapes for initialisation (any valid batch). */
	abstract Shape[] sampleShapes();

	static RewardNet create(ModelConfig config) {
		return switch (config.architecture()) {
			case POOLED, MINILM -> new PooledRewardNet(config);
			case TRANSFORMER -> new TransformerRewardNet(config);
			case FINETUNED -> new FinetunedRewardNet(config);
			case ENSEMBLE -> throw new IllegalArgumentException("an ensemble has one network per member");
		};
	}

	/**
	 * Rewards of encoded rows without gradients, in batches, freeing every intermediate
	 * array. Rows are batched in order of length, so that each batch pads its rows to
	 * about the same width (a short response beside a long one would otherwise cost as
	 * much as the long one); the rewards come back in the rows' order.
	 */
	double[] rewards(NDManager parent, ParameterStore store, List<EncodedText> rows) {
		Integer[] byLength = new Integer[rows.size()];
		for (int i = 0; i < byLength.length; i++) {
			byLength[i] = i;
		}
		Arrays.sort(byLength, Comparator.comparingInt(i -> length(rows.get(i))));
		double[] scores = new double[rows.size()];
		// Parameters are made to require gradients when a network is initialised, so
		// without this PyTorch would record every operation for a backward pass that
		// never comes (time, and native memory per call). Grad mode is per thread.
		boolean recording = JniUtils.isGradMode();
		JniUtils.setGradMode(false);
		try {
			score(parent, store, rows, byLength, scores);
		}
		finally {
			JniUtils.setGradMode(recording);
		}
		return scores;
	}

	private void score(NDManager parent, ParameterStore store, List<EncodedText> rows, Integer[] byLength,
			double[] scores) {
		for (int from = 0; from < rows.size(); from += ROWS_PER_BATCH) {
			int to = Math.min(rows.size(), from + ROWS_PER_BATCH);
			List<EncodedText> chunk = new ArrayList<>(to - from);
			for (int i = from; i < to; i++) {
				chunk.add(rows.get(byLength[i]));
			}
			try (NDManager scope = parent.newSubManager()) {
				float[] values = forward(store, inputs(scope, chunk), false).head().toFloatArray();
				for (int i = 0; i < values.length; i++) {
					scores[byLength[from + i]] = values[i];
				}
			}
		}
	}

	private static int length(EncodedText row) {
		return row.prompt().length + row.response().length;
	}

	/**
	 * The network's reward [N] plus the length prior's on the rows' features [N, F]: a
	 * constant, not a parameter, so training leaves it as fitted.
	 */
	NDArray plusLengthPrior(NDArray reward, NDArray features) {
		if (lengthPrior == null) {
			return reward;
		}
		NDArray weights = features.getManager().create(lengthPrior, new Shape(lengthPrior.length, 1));
		return reward.add(features.matMul(weights).reshape(-1));
	}

	/**
	 * Whether a parameter starts from pretrained weights that travel beside the artifact
	 * (in a jar), so an artifact may leave it out when training did not change it.
	 */
	boolean pretrained(String parameterName) {
		return false;
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		return new Shape[] { new Shape(inputShapes[0].get(0)) };
	}

	static long[] padded(List<EncodedText> rows, boolean prompts) {
		int width = 1;
		for (EncodedText row : rows) {
			width = Math.max(width, (prompts ? row.prompt() : row.response()).length);
		}
		long[] ids = new long[rows.size() * width];
		for (int r = 0; r < rows.size(); r++) {
			int[] source = prompts ? rows.get(r).prompt() : rows.get(r).response();
			for (int i = 0; i < source.length; i++) {
				ids[r * width + i] = source[i];
			}
		}
		return ids;
	}

	static float[] embeddings(List<EncodedText> rows, int width) {
		float[] values = new float[rows.size() * width];
		for (int r = 0; r < rows.size(); r++) {
			System.arraycopy(rows.get(r).embedding(), 0, values, r * width, width);
		}
		return values;
	}

	static float[] features(List<EncodedText> rows) {
		float[] values = new float[rows.size() * TextEncoder.FEATURES];
		for (int r = 0; r < rows.size(); r++) {
			System.arraycopy(rows.get(r).features(), 0, values, r * TextEncoder.FEATURES, TextEncoder.FEATURES);
		}
		return values;
	}

}
