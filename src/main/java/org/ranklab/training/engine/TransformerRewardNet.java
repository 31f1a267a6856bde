package org.ranklab.training.engine;

import static org.ranklab.training.engine.PooledRewardNet.bias;
import static org.ranklab.training.engine.PooledRewardNet.lookup;
import static org.ranklab.training.engine.PooledRewardNet.value;
import static org.ranklab.training.engine.PooledRewardNet.weight;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * A small pre-norm Transformer encoder over "[CLS] prompt [SEP] response" (token +
 * learned position + segment embeddings), so attention can relate the response to the
 * prompt. The head sees the [CLS] state, the mean state of the response and the length
 * features. Inputs: ids [N, L], segments [N, L], positions [L], features [N, F].
 */
final class TransformerRewardNet extends RewardNet {

	private final int size;

	private final int heads;

	private final float dropout;

	private final Parameter tokens;

	private final Parameter positions;

	private final Parameter segments;

	private final List<Layer> layers = new ArrayList<>();

	private final Parameter finalGamma;

	private final Parameter finalBeta;

	private final Parameter hiddenWeight;

	private final Parameter hiddenBias;

	private final Parameter outputWeight;

	private final Parameter outputBias;

	TransformerRewardNet(ModelConfig config) {
		super(config);
		size = config.embeddingSize();
		heads = config.heads();
		dropout = (float) config.dropout();
		int maxLength = 2 + config.maxPromptTokens() + config.maxResponseTokens();
		tokens = addParameter(embedding("token_embedding", new Shape(config.vocabularySize(), size)));
		positions = addParameter(embedding("position_embedding", new Shape(maxLength, size)));
		segments = addParameter(embedding("segment_embedding", new Shape(2, size)));
		for (int i = 0; i < config.layers(); i++) {
			layers.add(new Layer("layer" + i + "_"));
		}
		finalGamma = addParameter(constant("final_norm_gamma", size, 1f));
		finalBeta = addParameter(constant("final_norm_beta", size, 0f));
		hiddenWeight = addParameter(
				weight("hidden_weight", new Shape(config.hiddenSize(), 2L * size + TextEncoder.FEATURES)));
		hiddenBias = addParameter(bias("hidden_bias", config.hiddenSize()));
		outputWeight = addParameter(weight("output_weight", new Shape(1, config.hiddenSize())));
		outputBias = addParameter(bias("output_bias", 1));
	}

	private static Parameter embedding(String name, Shape shape) {
		return Parameter.builder()
			.setName(name)
			.setType(Parameter.Type.WEIGHT)
			.optShape(shape)
			.optInitializer(new NormalInitializer(0.02f))
			.build();
	}

	private static Parameter constant(String name, long size, float value) {
		return Parameter.builder()
			.setName(name)
			.setType(value == 0f ? Parameter.Type.BETA : Parameter.Type.GAMMA)
			.optShape(new Shape(size))
			.optInitializer(new ConstantInitializer(value))
			.build();
	}

	@Override
	NDList inputs(NDManager manager, List<EncodedText> rows) {
		int width = 2;
		for (EncodedText row : rows) {
			width = Math.max(width, 2 + row.prompt().length + row.response().length);
		}
		long[] ids = new long[rows.size() * width];
		long[] segmentIds = new long[ids.length];
		for (int r = 0; r < rows.size(); r++) {
			int at = r * width;
			ids[at++] = Vocabulary.CLS;
			for (int id : rows.get(r).prompt()) {
				ids[at++] = id;
			}
			ids[at++] = Vocabulary.SEP;
			for (int id : rows.get(r).response()) {
				segmentIds[at] = 1;
				ids[at++] = id;
			}
		}
		long[] positionIds = new long[width];
		for (int i = 0; i < width; i++) {
			positionIds[i] = i;
		}
		Shape shape = new Shape(rows.size(), width);
		return new NDList(manager.create(ids, shape), manager.create(segmentIds, shape), manager.create(positionIds),
				manager.create(features(rows), new Shape(rows.size(), TextEncoder.FEATURES)));
	}

	@Override
	Shape[] sampleShapes() {
		return new Shape[] { new Shape(2, 4), new Shape(2, 4), new Shape(4), new Shape(2, TextEncoder.FEATURES) };
	}

	@Override
	protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
			PairList<String, Object> params) {
		NDArray ids = inputs.get(0);
		NDArray x = lookup(ids, value(store, tokens, ids, training))
			.add(lookup(inputs.get(2), value(store, positions, ids, training)))
			.add(lookup(inputs.get(1), value(store, segments, ids, training)));
		x = Dropout.dropout(x, dropout, training).head();
		NDArray real = ids.neq(0).toType(DataType.FLOAT32, false);
		long n = ids.getShape().get(0);
		long length = ids.getShape().get(1);
		// -1e4 on padded keys keeps softmax away from them without producing NaN on short
		// rows
		NDArray keyOffset = real.sub(1f).mul(1e4f).reshape(n, 1, 1, length);
		for (Layer layer : layers) {
			x = layer.forward(store, x, keyOffset, training);
		}
		x = norm(x, value(store, finalGamma, x, training), value(store, finalBeta, x, training));
		NDArray cls = x.get(":, 0, :");
		NDArray responseMask = inputs.get(1).toType(DataType.FLOAT32, false).mul(real).expandDims(2);
		NDArray responseMean = PooledRewardNet.meanPool(x, responseMask);
		NDArray features = NDArrays.concat(new NDList(cls, responseMean, inputs.get(3)), 1);
		NDArray hidden = Activation.relu(
				Linear.linear(features, value(store, hiddenWeight, x, training), value(store, hiddenBias, x, training))
					.head());
		hidden = Dropout.dropout(hidden, dropout, training).head();
		NDArray reward = Linear
			.linear(hidden, value(store, outputWeight, x, training), value(store, outputBias, x, training))
			.head()
			.reshape(-1);
		return new NDList(plusLengthPrior(reward, inputs.get(3)));
	}

	private NDArray norm(NDArray x, NDArray gamma, NDArray beta) {
		return LayerNorm.layerNorm(x, new Shape(size), gamma, beta, 1e-5f).head();
	}

	/**
	 * One pre-norm encoder layer: x + attention(norm(x)), then x + feed-forward(norm(x)).
	 */
	private final class Layer {

		private final Parameter gamma1;

		private final Parameter beta1;

		private final Parameter qkvWeight;

		private final Parameter qkvBias;

		private final Parameter projectionWeight;

		private final Parameter projectionBias;

		private final Parameter gamma2;

		private final Parameter beta2;

		private final Parameter upWeight;

		private final Parameter upBias;

		private final Parameter downWeight;

		private final Parameter downBias;

		Layer(String prefix) {
			gamma1 = addParameter(constant(prefix + "norm1_gamma", size, 1f));
			beta1 = addParameter(constant(prefix + "norm1_beta", size, 0f));
			qkvWeight = addParameter(weight(prefix + "qkv_weight", new Shape(3L * size, size)));
			qkvBias = addParameter(bias(prefix + "qkv_bias", 3L * size));
			projectionWeight = addParameter(weight(prefix + "projection_weight", new Shape(size, size)));
			projectionBias = addParameter(bias(prefix + "projection_bias", size));
			gamma2 = addParameter(constant(prefix + "norm2_gamma", size, 1f));
			beta2 = addParameter(constant(prefix + "norm2_beta", size, 0f));
			upWeight = addParameter(weight(prefix + "up_weight", new Shape(2L * size, size)));
			upBias = addParameter(bias(prefix + "up_bias", 2L * size));
			downWeight = addParameter(weight(prefix + "down_weight", new Shape(size, 2L * size)));
			downBias = addParameter(bias(prefix + "down_bias", size));
		}

		NDArray forward(ParameterStore store, NDArray x, NDArray keyOffset, boolean training) {
			long n = x.getShape().get(0);
			long length = x.getShape().get(1);
			long headSize = size / heads;
			NDArray normed = norm(x, value(store, gamma1, x, training), value(store, beta1, x, training));
			NDArray qkv = Linear
				.linear(normed, value(store, qkvWeight, x, training), value(store, qkvBias, x, training))
				.head()
				.reshape(n, length, 3, heads, headSize)
				.transpose(2, 0, 3, 1, 4);
			NDArray q = qkv.get(0);
			NDArray k = qkv.get(1);
			NDArray v = qkv.get(2);
			NDArray attention = q.matMul(k.transpose(0, 1, 3, 2))
				.div((float) Math.sqrt(headSize))
				.add(keyOffset)
				.softmax(3);
			attention = Dropout.dropout(attention, dropout, training).head();
			NDArray mixed = attention.matMul(v).transpose(0, 2, 1, 3).reshape(n, length, size);
			NDArray attended = Linear
				.linear(mixed, value(store, projectionWeight, x, training), value(store, projectionBias, x, training))
				.head();
			x = x.add(Dropout.dropout(attended, dropout, training).head());
			normed = norm(x, value(store, gamma2, x, training), value(store, beta2, x, training));
			NDArray up = Activation
				.gelu(Linear.linear(normed, value(store, upWeight, x, training), value(store, upBias, x, training))
					.head());
			NDArray down = Linear.linear(up, value(store, downWeight, x, training), value(store, downBias, x, training))
				.head();
			return x.add(Dropout.dropout(down, dropout, training).head());
		}

	}

}
