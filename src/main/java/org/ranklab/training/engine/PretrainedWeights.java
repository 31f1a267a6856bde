package org.ranklab.training.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

/**
 * The initializers of an ONNX BERT encoder (all-MiniLM-L6-v2 in its langchain4j jar)
 * under their Hugging Face names, with every projection matrix as a PyTorch
 * {@code Linear} weight [out, in]. Read from the protobuf wire format without generated
 * classes: {@code ModelProto.graph} = 7, {@code GraphProto.node} = 1 and
 * {@code initializer} = 5, {@code NodeProto.input} = 1, {@code output} = 2,
 * {@code op_type} = 4, {@code TensorProto.dims} = 1, {@code data_type} = 2, {@code name}
 * = 8, {@code raw_data} = 9. The exporter named the 36 projection matrices
 * {@code onnx::MatMul_<n>}; each is the one whose {@code MatMul} feeds an {@code Add}
 * with the named bias, so it takes the bias's name with {@code weight} for {@code bias}.
 */
final class PretrainedWeights {

	private static final int FLOAT = 1;

	private PretrainedWeights() {
	}

	/** A float32 tensor, row-major. */
	record Tensor(long[] shape, float[] values) {
	}

	/** The weights of the ONNX file at a class path resource. */
	static Map<String, Tensor> read(String resource) {
		try (InputStream in = PretrainedWeights.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is not on the class path");
			}
			return read(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + resource, e);
		}
	}

	static Map<String, Tensor> read(InputStream onnx) throws IOException {
		CodedInputStream model = CodedInputStream.newInstance(onnx);
		model.setSizeLimit(Integer.MAX_VALUE);
		for (int tag = model.readTag(); tag != 0; tag = model.readTag()) {
			if (WireFormat.getTagFieldNumber(tag) == 7) {
				return graph(model.readBytes().newCodedInput());
			}
			model.skipField(tag);
		}
		throw new IOException("the ONNX file holds no graph");
	}

	private static Map<String, Tensor> graph(CodedInputStream graph) throws IOException {
		graph.setSizeLimit(Integer.MAX_VALUE);
		Map<String, Tensor> initializers = new HashMap<>();
		List<Node> nodes = new ArrayList<>();
		for (int tag = graph.readTag(); tag != 0; tag = graph.readTag()) {
			switch (WireFormat.getTagFieldNumber(tag)) {
				case 1 -> nodes.add(node(graph.readBytes().newCodedInput()));
				case 5 -> {
					NamedTensor tensor = tensor(graph.readBytes().newCodedInput());
					if (tensor != null) {
						initializers.put(tensor.name(), tensor.tensor());
					}
				}
				default -> graph.skipField(tag);
			}
		}
		return huggingFaceNames(initializers, nodes);
	}

	/**
	 * Renames each {@code onnx::MatMul_<n>} after its bias and transposes it to [out,
	 * in].
	 */
	private static Map<String, Tensor> huggingFaceNames(Map<String, Tensor> initializers, List<Node> nodes) {
		Map<String, Node> byInput = new HashMap<>();
		for (Node node : nodes) {
			node.inputs().forEach(input -> byInput.putIfAbsent(input, node));
		}
		Map<String, Tensor> named = new HashMap<>();
		for (Map.Entry<String, Tensor> entry : initializers.entrySet()) {
			String name = entry.getKey();
			if (!name.startsWith("onnx::MatMul")) {
				named.put(name, entry.getValue());
				continue;
			}
			Node matMul = byInput.get(name);
			Node add = matMul == null ? null : byInput.get(matMul.outputs().get(0));
			String bias = add == null || !"Add".equals(add.type()) ? null
					: add.inputs().stream().filter(i -> i.endsWith(".bias")).findFirst().orElse(null);
			if (bias == null) {
				throw new IllegalStateException("no bias names the projection " + name);
			}
			named.put(bias.substring(0, bias.length() - "bias".length()) + "weight", transposed(entry.getValue()));
		}
		return named;
	}

	private static Tensor transposed(Tensor matrix) {
		int rows = (int) matrix.shape()[0];
		int columns = (int) matrix.shape()[1];
		float[] values = new float[rows * columns];
		for (int r = 0; r < rows; r++) {
			for (int c = 0; c < columns; c++) {
				values[c * rows + r] = matrix.values()[r * columns + c];
			}
		}
		return new Tensor(new long[] { columns, rows }, values);
	}

	private record Node(List<String> inputs, List<String> outputs, String type) {
	}

	private record NamedTensor(String name, Tensor tensor) {
	}

	private static Node node(CodedInputStream node) throws IOException {
		List<String> inputs = new ArrayList<>();
		List<String> outputs = new ArrayList<>();
		String type = "";
		for (int tag = node.readTag(); tag != 0; tag = node.readTag()) {
			switch (WireFormat.getTagFieldNumber(tag)) {
				case 1 -> inputs.add(node.readStringRequireUtf8());
				case 2 -> outputs.add(node.readStringRequireUtf8());
				case 4 -> type = node.readStringRequireUtf8();
				default -> node.skipField(tag);
			}
		}
		return new Node(inputs, outputs, type);
	}

	/** A float32 tensor with its name, or null for any other type. */
	private static NamedTensor tensor(CodedInputStream tensor) throws IOException {
		tensor.setSizeLimit(Integer.MAX_VALUE);
		List<Long> dims = new ArrayList<>();
		String name = null;
		int dataType = 0;
		ByteString raw = ByteString.EMPTY;
		for (int tag = tensor.readTag(); tag != 0; tag = tensor.readTag()) {
			switch (WireFormat.getTagFieldNumber(tag)) {
				case 1 -> {
					if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
						int limit = tensor.pushLimit(tensor.readRawVarint32());
						while (tensor.getBytesUntilLimit() > 0) {
							dims.add(tensor.readInt64());
						}
						tensor.popLimit(limit);
					}
					else {
						dims.add(tensor.readInt64());
					}
				}
				case 2 -> dataType = tensor.readInt32();
				case 8 -> name = tensor.readStringRequireUtf8();
				case 9 -> raw = tensor.readBytes();
				default -> tensor.skipField(tag);
			}
		}
		if (dataType != FLOAT) {
			// constants such as embeddings.position_ids (int64), no weights
			return null;
		}
		float[] values = new float[raw.size() / Float.BYTES];
		raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
		long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
		return new NamedTensor(name, new Tensor(shape, values));
	}

}
