package org.ranklab.training.engine;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;

/**
 * The fast architecture: one embedding table; the response is mean- and max-pooled, the
 * prompt mean-pooled; the head sees [response mean, response max, prompt mean, response
 * mean * prompt mean, features] through one hidden ReLU layer. Inputs: prompt ids [N,
 * Lp], response ids [N, Lr] (0 = padding), features [N, F], and with a text encoder
 * ({@link Architecture#MINILM}) its interaction features [N, E], which add a linear term
 * to the reward ({@code pretrained_weight}): jointly trained, the sum of the pooled
 * network and a linear head on the pretrained embeddings. Feeding them into the hidden
 * layer instead overfitted (measured on HH, bench/training/README.md).
 */
final class PooledRewardNet extends RewardNet {

	private final Parameter embedding;

	private final Parameter hiddenWeight;

	private final Parameter hiddenBias;

	private final Parameter outputWeight;

	private final Parameter outputBias;

	private final float dropout;

	private final int pretrained;

	private final Parameter pretrainedWeight;

	PooledRewardNet(ModelConfig config) {
		super(config);
		int d = config.embeddingSize();
		int h = config.hiddenSize();
		this.pretrained = TextEncoder.embeddingFeatures(config.textEncoder());
		int in = 4 * d + TextEncoder.FEATURES;
		this.dropout = (float) config.dropout();
		embedding = addParameter(Parameter.builder()
			.setName("embedding")
			.setType(Parameter.Type.WEIGHT)
			.optShape(new Shape(config.vocabularySize(), d))
			.optInitializer(new NormalInitializer(0.1f))
			.build());
		hiddenWeight = addParameter(weight("hidden_weight", new Shape(h, in)));
		hiddenBias = addParameter(bias("hidden_bias", h));
		outputWeight = addParameter(weight("output_weight", new Shape(1, h)));
		outputBias = addParameter(bias("output_bias", 1));
		pretrainedWeight = pretrained == 0 ? null
				: addParameter(Parameter.builder()
					.setName("pretrained_weight")
					.setType(Parameter.Type.WEIGHT)
					.optShape(new Shape(1, pretrained))
					.optInitializer(new ConstantInitializer(0f))
					.build());
	}

	static Parameter weight(String name, Shape shape) {
		return Parameter.builder()
			.setName(name)
			.setType(Parameter.Type.WEIGHT)
			.optShape(shape)
			.optInitializer(new XavierInitializer())
			.build();
	}

	static Parameter bias(String name, long size) {
		return Parameter.builder()
			.setName(name)
			.setType(Parameter.Type.BIAS)
			.optShape(new Shape(size))
			.optInitializer(new ConstantInitializer(0f))
			.build();
	}

	@Override
	NDList inputs(NDManager manager, List<EncodedText> rows) {
		long n = rows.size();
		long[] prompt = padded(rows, true);
		long[] response = padded(rows, false);
		NDList inputs = new NDList(manager.create(prompt, new Shape(n, prompt.length / n)),
				manager.create(response, new Shape(n, response.length / n)),
				manager.create(features(rows), new Shape(n, TextEncoder.FEATURES)));
		if (pretrained > 0) {
			inputs.add(manager.create(embeddings(rows, pretrained), new Shape(n, pretrained)));
		}
		return inputs;
	}

	@Override
	Shape[] sampleShapes() {
		Shape[] shapes = { new Shape(2, 3), new Shape(2, 3), new Shape(2, TextEncoder.FEATURES) };
		if (pretrained == 0) {
			return shapes;
		}
		return new Shape[] { shapes[0], shapes[1], shapes[2], new Shape(2, pretrained) };
	}

	@Override
	protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
			PairList<String, Object> params) {
		NDArray table = store.getValue(embedding, inputs.head().getDevice(), training);
		NDArray promptMask = mask(inputs.get(0));
		NDArray responseMask = mask(inputs.get(1));
		NDArray promptMean = meanPool(lookup(inputs.get(0), table), promptMask);
		NDArray responseEmbedded = lookup(inputs.get(1), table);
		NDArray responseMean = meanPool(responseEmbedded, responseMask);
		NDArray responseMax = maxPool(responseEmbedded, responseMask);
		NDArray x = NDArrays
			.concat(new NDList(responseMean, responseMax, promptMean, responseMean.mul(promptMean), inputs.get(2)), 1);
		x = Dropout.dropout(x, dropout, training).head();
		NDArray hidden = Activation
			.relu(Linear.linear(x, value(store, hiddenWeight, x, training), value(store, hiddenBias, x, training))
				.head());
		hidden = Dropout.dropout(hidden, dropout, training).head();
		NDArray reward = Linear
			.linear(hidden, value(store, outputWeight, x, training), value(store, outputBias, x, training))
			.head()
			.reshape(-1);
		if (pretrained > 0) {
			NDArray embedded = Dropout.dropout(inputs.get(3), dropout, training).head();
			reward = reward.add(embedded.matMul(value(store, pretrainedWeight, x, training).transpose()).reshape(-1));
		}
		return new NDList(plusLengthPrior(reward, inputs.get(2)));
	}

	static NDArray value(ParameterStore store, Parameter parameter, NDArray like, boolean training) {
		return store.getValue(parameter, like.getDevice(), training);
	}

	static NDArray lookup(NDArray ids, NDArray table) {
		return Embedding.embedding(ids, table, SparseFormat.DENSE).head();
	}

	/** 1 for real tokens, 0 for padding, shape [N, L, 1]. */
	static NDArray mask(NDArray ids) {
		return ids.neq(0).toType(DataType.FLOAT32, false).expandDims(2);
	}

	static NDArray meanPool(NDArray embedded, NDArray mask) {
		return embedded.mul(mask).sum(new int[] { 1 }).div(mask.sum(new int[] { 1 }).maximum(1f));
	}

	/** Max over real tokens; a row without tokens gives zeros. */
	static NDArray maxPool(NDArray embedded, NDArray mask) {
		NDArray any = mask.max(new int[] { 1 });
		return embedded.add(mask.sub(1f).mul(1e4f)).max(new int[] { 1 }).mul(any);
	}

}
