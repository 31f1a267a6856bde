package org.ranklab.training.engine;

import static org.ranklab.training.engine.PooledRewardNet.bias;
import static org.ranklab.training.engine.PooledRewardNet.lookup;
import static org.ranklab.training.engine.PooledRewardNet.value;
import static org.ranklab.training.engine.PooledRewardNet.weight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * A pretrained BERT encoder (all-MiniLM-L6-v2: hidden 384, 12 heads, the first
 * {@code layers} of its 6 layers) read as a cross-encoder over "[CLS] prompt's last
 * tokens [SEP] response [SEP]" in its own word pieces, and a linear head on the mean of
 * its output states (the pooling the model was trained with) and the length features.
 * Parameters carry the Hugging Face names; {@link #initialize} fills them from the ONNX
 * file in the langchain4j jar (the head starts small and random). Inputs: ids [N, L],
 * token types [N, L], features [N, F].
 */
final class FinetunedRewardNet extends RewardNet {

	/** The ONNX model inside the langchain4j jar. */
	static final String WEIGHTS = "/all-minilm-l6-v2.onnx";

	/** The encoder's width, fixed by the pretrained weights. */
	static final int SIZE = 384;

	/** Attention heads, fixed by the pretrained weights. */
	static final int HEADS = 12;

	/** Layers of the pretrained encoder. */
	static final int MAX_LAYERS = 6;

	/** Positions the pretrained encoder has embeddings for. */
	static final int MAX_LENGTH = 512;

	private static final float LAYER_NORM_EPSILON = 1e-12f;

	private static final String EMBEDDINGS = "embeddings.";

	private final float dropout;

	private final WordPieceTokenizer tokenizer = WordPieceTokenizer.minilm();

	private final Map<String, Parameter> byName = new LinkedHashMap<>();

	private final List<Layer> layers = new ArrayList<>();

	private final Parameter headWeight;

	private final Parameter headBias;

	FinetunedRewardNet(ModelConfig config) {
		super(config);
		if (config.layers() < 1 || config.layers() > MAX_LAYERS) {
			throw new IllegalArgumentException("a finetuned network has 1 to " + MAX_LAYERS + " layers");
		}
		if (3 + config.maxPromptTokens() + config.maxResponseTokens() > MAX_LENGTH) {
			throw new IllegalArgumentException("prompt and response tokens exceed " + (MAX_LENGTH - 3));
		}
		this.dropout = (float) config.dropout();
		pretrained(EMBEDDINGS + "word_embeddings.weight", new Shape(30522, SIZE));
		pretrained(EMBEDDINGS + "position_embeddings.weight", new Shape(MAX_LENGTH, SIZE));
		pretrained(EMBEDDINGS + "token_type_embeddings.weight", new Shape(2, SIZE));
		pretrained(EMBEDDINGS + "LayerNorm.weight", new Shape(SIZE));
		pretrained(EMBEDDINGS + "LayerNorm.bias", new Shape(SIZE));
		for (int i = 0; i < config.layers(); i++) {
			layers.add(new Layer("encoder.layer." + i + "."));
		}
		headWeight = addParameter(weight("head.weight", new Shape(1, SIZE + TextEncoder.FEATURES)));
		headBias = addParameter(bias("head.bias", 1));
	}

	private Parameter pretrained(String name, Shape shape) {
		Parameter parameter = addParameter(Parameter.builder()
			.setName(name)
			.setType(name.endsWith("bias") ? Parameter.Type.BIAS : Parameter.Type.WEIGHT)
			.optShape(shape)
			.optInitializer(new ConstantInitializer(0f))
			.build());
		byName.put(name, parameter);
		return parameter;
	}

	/**
	 * Creates the parameters, then copies the pretrained weights into all but the head.
	 */
	@Override
	public void initialize(NDManager manager, DataType dataType, Shape... inputShapes) {
		super.initialize(manager, dataType, inputShapes);
		Map<String, PretrainedWeights.Tensor> weights = PretrainedWeights.read(WEIGHTS);
		for (Map.Entry<String, Parameter> entry : byName.entrySet()) {
			PretrainedWeights.Tensor tensor = weights.get(entry.getKey());
			NDArray target = entry.getValue().getArray();
			if (tensor == null || !new Shape(tensor.shape()).equals(target.getShape())) {
				throw new IllegalStateException("the pretrained weights lack " + entry.getKey());
			}
			try (NDArray values = manager.create(tensor.values(), target.getShape())) {
				values.copyTo(target);
			}
		}
	}

	/**
	 * Stops training the embeddings and the lowest {@code count} encoder layers: their
	 * pretrained values stay, they cost no gradients, and they need not be stored.
	 */
	void freezeBelow(int count) {
		Predicate<String> frozen = name -> name.startsWith(EMBEDDINGS) || layerOf(name) < count;
		if (count > 0) {
			byName.forEach((name, parameter) -> parameter.freeze(frozen.test(name)));
		}
	}

	private static int layerOf(String name) {
		if (!name.startsWith("encoder.layer.")) {
			return Integer.MAX_VALUE;
		}
		String rest = name.substring("encoder.layer.".length());
		return Integer.parseInt(rest.substring(0, rest.indexOf('.')));
	}

	/**
	 * The head's parameters, which train at their own rate ({@link TwoRateOptimizer}).
	 */
	Set<String> headParameterIds() {
		return Set.of(headWeight.getId(), headBias.getId());
	}

	/** Whether a parameter's value can come from the pretrained weights. */
	@Override
	boolean pretrained(String parameterName) {
		return byName.containsKey(parameterName);
	}

	@Override
	NDList inputs(NDManager manager, List<EncodedText> rows) {
		int width = 3;
		for (EncodedText row : rows) {
			width = Math.max(width, 3 + row.prompt().length + row.response().length);
		}
		long[] ids = new long[rows.size() * width];
		long[] types = new long[ids.length];
		for (int r = 0; r < rows.size(); r++) {
			int at = r * width;
			ids[at++] = tokenizer.cls();
			for (int id : rows.get(r).prompt()) {
				ids[at++] = id;
			}
			ids[at++] = tokenizer.sep();
			for (int id : rows.get(r).response()) {
				types[at] = 1;
				ids[at++] = id;
			}
			types[at] = 1;
			ids[at] = tokenizer.sep();
		}
		Shape shape = new Shape(rows.size(), width);
		return new NDList(manager.create(ids, shape), manager.create(types, shape),
				manager.create(features(rows), new Shape(rows.size(), TextEncoder.FEATURES)));
	}

	@Override
	Shape[] sampleShapes() {
		return new Shape[] { new Shape(2, 4), new Shape(2, 4), new Shape(2, TextEncoder.FEATURES) };
	}

	@Override
	protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
			PairList<String, Object> params) {
		NDArray ids = inputs.get(0);
		NDArray mask = ids.neq(0).toType(DataType.FLOAT32, false).expandDims(2);
		NDArray pooled = PooledRewardNet.meanPool(encode(store, ids, inputs.get(1), training), mask);
		NDArray features = NDArrays.concat(new NDList(Dropout.dropout(pooled, dropout, training).head(), inputs.get(2)),
				1);
		NDArray reward = Linear
			.linear(features, value(store, headWeight, ids, training), value(store, headBias, ids, training))
			.head()
			.reshape(-1);
		return new NDList(plusLengthPrior(reward, inputs.get(2)));
	}

	/**
	 * The sentence embeddings the pretrained model was trained to give: the mean of its
	 * output states over "[CLS] text [SEP]", [N, 384], not normalised.
	 */
	NDArray sentenceEmbeddings(ParameterStore store, NDManager manager, List<int[]> texts) {
		int width = 2 + texts.stream().mapToInt(t -> t.length).max().orElse(0);
		long[] ids = new long[texts.size() * width];
		for (int r = 0; r < texts.size(); r++) {
			int at = r * width;
			ids[at++] = tokenizer.cls();
			for (int id : texts.get(r)) {
				ids[at++] = id;
			}
			ids[at] = tokenizer.sep();
		}
		NDArray idArray = manager.create(ids, new Shape(texts.size(), width));
		NDArray mask = idArray.neq(0).toType(DataType.FLOAT32, false).expandDims(2);
		return PooledRewardNet.meanPool(encode(store, idArray, idArray.zerosLike(), false), mask);
	}

	/** The encoder's output states [N, L, 384]; padding (id 0) is never attended to. */
	private NDArray encode(ParameterStore store, NDArray ids, NDArray types, boolean training) {
		long length = ids.getShape().get(1);
		NDArray positions = ids.getManager().arange(0, length, 1, DataType.INT64);
		NDArray x = lookup(ids, pretrainedValue(store, "word_embeddings.weight", ids, training))
			.add(lookup(positions, pretrainedValue(store, "position_embeddings.weight", ids, training)))
			.add(lookup(types, pretrainedValue(store, "token_type_embeddings.weight", ids, training)));
		x = norm(x, pretrainedValue(store, "LayerNorm.weight", ids, training),
				pretrainedValue(store, "LayerNorm.bias", ids, training));
		x = Dropout.dropout(x, dropout, training).head();
		// -1e4 on padded keys keeps softmax away from them without producing NaN
		NDArray keyOffset = ids.neq(0)
			.toType(DataType.FLOAT32, false)
			.sub(1f)
			.mul(1e4f)
			.reshape(ids.getShape().get(0), 1, 1, length);
		for (Layer layer : layers) {
			// DJL keeps every array until its manager closes, that is until the end of
			// the batch: a layer's intermediates (attention scores of rows x 12 x L x L)
			// are freed as soon as it has run instead. Autograd holds its own references
			// to what the backward pass needs.
			try (NDScope scope = new NDScope()) {
				NDArray next = layer.forward(store, x, keyOffset, training);
				NDScope.unregister(next);
				x = next;
			}
		}
		return x;
	}

	private NDArray pretrainedValue(ParameterStore store, String embeddingName, NDArray like, boolean training) {
		return value(store, byName.get(EMBEDDINGS + embeddingName), like, training);
	}

	private static NDArray norm(NDArray x, NDArray gamma, NDArray beta) {
		return LayerNorm.layerNorm(x, new Shape(SIZE), gamma, beta, LAYER_NORM_EPSILON).head();
	}

	/**
	 * One post-norm BERT layer: x = norm(x + attention(x)), then x = norm(x +
	 * feed-forward(x)).
	 */
	private final class Layer {

		private final String prefix;

		Layer(String prefix) {
			this.prefix = prefix;
			for (String linear : List.of("attention.self.query", "attention.self.key", "attention.self.value",
					"attention.output.dense")) {
				pretrained(prefix + linear + ".weight", new Shape(SIZE, SIZE));
				pretrained(prefix + linear + ".bias", new Shape(SIZE));
			}
			pretrained(prefix + "intermediate.dense.weight", new Shape(4 * SIZE, SIZE));
			pretrained(prefix + "intermediate.dense.bias", new Shape(4 * SIZE));
			pretrained(prefix + "output.dense.weight", new Shape(SIZE, 4 * SIZE));
			pretrained(prefix + "output.dense.bias", new Shape(SIZE));
			for (String norm : List.of("attention.output.LayerNorm", "output.LayerNorm")) {
				pretrained(prefix + norm + ".weight", new Shape(SIZE));
				pretrained(prefix + norm + ".bias", new Shape(SIZE));
			}
		}

		NDArray forward(ParameterStore store, NDArray x, NDArray keyOffset, boolean training) {
			long n = x.getShape().get(0);
			long length = x.getShape().get(1);
			long headSize = SIZE / HEADS;
			NDArray q = heads(linear(store, "attention.self.query", x, training), n, length, headSize);
			NDArray k = heads(linear(store, "attention.self.key", x, training), n, length, headSize);
			NDArray v = heads(linear(store, "attention.self.value", x, training), n, length, headSize);
			NDArray attention = q.matMul(k.transpose(0, 1, 3, 2))
				.div((float) Math.sqrt(headSize))
				.add(keyOffset)
				.softmax(3);
			attention = Dropout.dropout(attention, dropout, training).head();
			NDArray mixed = attention.matMul(v).transpose(0, 2, 1, 3).reshape(n, length, SIZE);
			NDArray attended = Dropout
				.dropout(linear(store, "attention.output.dense", mixed, training), dropout, training)
				.head();
			x = layerNorm(store, "attention.output.LayerNorm", x.add(attended), training);
			NDArray up = Activation.gelu(linear(store, "intermediate.dense", x, training));
			NDArray down = Dropout.dropout(linear(store, "output.dense", up, training), dropout, training).head();
			return layerNorm(store, "output.LayerNorm", x.add(down), training);
		}

		private NDArray heads(NDArray projected, long n, long length, long headSize) {
			return projected.reshape(n, length, HEADS, headSize).transpose(0, 2, 1, 3);
		}

		private NDArray linear(ParameterStore store, String name, NDArray x, boolean training) {
			return Linear
				.linear(x, value(store, byName.get(prefix + name + ".weight"), x, training),
						value(store, byName.get(prefix + name + ".bias"), x, training))
				.head();
		}

		private NDArray layerNorm(ParameterStore store, String name, NDArray x, boolean training) {
			return norm(x, value(store, byName.get(prefix + name + ".weight"), x, training),
					value(store, byName.get(prefix + name + ".bias"), x, training));
		}

	}

}
