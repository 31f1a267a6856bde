package org.ranklab.training.engine;

import java.util.List;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;

/**
 * A network mapping a batch of encoded (prompt, response) rows to one reward per row,
 * shape [rows].
 */
abstract class RewardNet extends AbstractBlock {

	/** The input arrays of a batch, created in {@code manager}. */
	abstract NDList inputs(NDManager manager, List<EncodedText> rows);

	/** Input shapes for initialisation (any valid batch). */
	abstract Shape[] sampleShapes();

	static RewardNet create(ModelConfig config) {
		return switch (config.architecture()) {
			case POOLED, MINILM -> new PooledRewardNet(config);
			case TRANSFORMER -> new TransformerRewardNet(config);
			case ENSEMBLE -> throw new IllegalArgumentException("an ensemble has one network per member");
		};
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
