package org.ranklab.training.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A reward model as a Hugging Face style model directory, zipped: {@code config.json} (a
 * BERT config plus how to score), {@code model.safetensors} (every weight, the frozen
 * pretrained ones included, under {@code BertModel}'s names, and the head as
 * {@code score.weight}/{@code score.bias}), {@code tokenizer.json} and a
 * {@code README.md} giving the computation. Only {@link #ARCHITECTURES} have this form:
 * the others read our own vocabularies and layouts, which no Hugging Face class knows.
 */
public final class HuggingFaceExport {

	/** The architectures that have a Hugging Face form. */
	public static final List<Architecture> ARCHITECTURES = List.of(Architecture.FINETUNED);

	static final String TOKENIZER = "/all-minilm-l6-v2-tokenizer.json";

	private static final String README = "/org/ranklab/training/engine/huggingface-readme.md";

	/** Bytes of float32 data written at once, so a large tensor needs no byte copy. */
	private static final int CHUNK_FLOATS = 1 << 16;

	private HuggingFaceExport() {
	}

	/**
	 * Writes the zip of the model in {@code artifact} (as stored, see
	 * {@link ModelArtifact}) to {@code out}, and closes it.
	 * @throws IllegalArgumentException for an architecture not in {@link #ARCHITECTURES}
	 */
	public static void write(byte[] artifact, OutputStream out) {
		ModelArtifact model = ModelArtifact.read(new ByteArrayInputStream(artifact));
		if (!ARCHITECTURES.contains(model.config().architecture())) {
			throw new IllegalArgumentException(
					"format=hf is only available for " + ARCHITECTURES.stream().map(Architecture::apiName).toList());
		}
		try (NDManager manager = NativeEngine.get().newBaseManager()) {
			RewardNet net = model.network(manager);
			Map<String, float[]> values = new LinkedHashMap<>();
			Map<String, long[]> shapes = new LinkedHashMap<>();
			for (Pair<String, Parameter> parameter : net.getParameters()) {
				String name = huggingFaceName(parameter.getKey());
				values.put(name, parameter.getValue().getArray().toFloatArray());
				shapes.put(name, parameter.getValue().getArray().getShape().getShape());
			}
			foldLengthPrior(model.config(), values.get("score.weight"));
			try (ZipOutputStream zip = new ZipOutputStream(out)) {
				zip.putNextEntry(new ZipEntry("config.json"));
				zip.write(config(model.config(), shapes));
				zip.putNextEntry(new ZipEntry("model.safetensors"));
				safetensors(values, shapes, zip);
				zip.putNextEntry(new ZipEntry("tokenizer.json"));
				zip.write(tokenizer());
				zip.putNextEntry(new ZipEntry("README.md"));
				zip.write(resource(README));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The length prior is linear in the same features as the head's last columns, so the
	 * head can carry it: one formula for the reader.
	 */
	private static void foldLengthPrior(ModelConfig config, float[] scoreWeight) {
		if (config.lengthPrior() == null) {
			return;
		}
		int first = scoreWeight.length - config.lengthPrior().size();
		for (int i = 0; i < config.lengthPrior().size(); i++) {
			scoreWeight[first + i] += config.lengthPrior().get(i).floatValue();
		}
	}

	/**
	 * {@code BertModel}'s name of a parameter: the encoder's carry Hugging Face's names
	 * already (without the {@code bert.} of a model with a head); the head is ours.
	 */
	static String huggingFaceName(String parameter) {
		return switch (parameter) {
			case "head.weight" -> "score.weight";
			case "head.bias" -> "score.bias";
			default -> "bert." + parameter;
		};
	}

	private static byte[] config(ModelConfig config, Map<String, long[]> shapes) {
		ObjectNode json = ModelConfig.JSON.createObjectNode();
		json.putArray("architectures").add("BertModel");
		json.put("model_type", "bert");
		json.put("hidden_size", FinetunedRewardNet.SIZE);
		json.put("num_hidden_layers", config.layers());
		json.put("num_attention_heads", FinetunedRewardNet.HEADS);
		json.put("intermediate_size", 4 * FinetunedRewardNet.SIZE);
		json.put("max_position_embeddings", FinetunedRewardNet.MAX_LENGTH);
		json.put("vocab_size", shapes.get("bert.embeddings.word_embeddings.weight")[0]);
		json.put("type_vocab_size", shapes.get("bert.embeddings.token_type_embeddings.weight")[0]);
		json.put("layer_norm_eps", 1e-12);
		json.put("hidden_act", "gelu");
		json.put("hidden_dropout_prob", 0.0);
		json.put("attention_probs_dropout_prob", 0.0);
		json.put("initializer_range", 0.02);
		json.put("position_embedding_type", "absolute");
		json.put("pad_token_id", 0);
		json.put("torch_dtype", "float32");
		// ours: how a score comes out of the encoder (README.md)
		json.put("ranklab_architecture", config.architecture().apiName());
		json.put("input_layout", "[CLS] prompt [SEP] response [SEP]");
		json.put("token_type_ids", "0 for [CLS], prompt and the first [SEP]; 1 for response and the last [SEP]");
		json.put("max_prompt_tokens", config.maxPromptTokens());
		json.put("prompt_truncation", "keep the last max_prompt_tokens word pieces");
		json.put("max_response_tokens", config.maxResponseTokens());
		json.put("response_truncation", "keep the first max_response_tokens word pieces");
		json.put("pooling", "mean");
		json.put("pooling_tokens", "every position of the input, [CLS] and both [SEP] included");
		json.putArray("score_features")
			.add("log1p(response word pieces) / 5")
			.add("log1p(response UTF-16 chars) / 8")
			.add("log1p(non-blank response lines) / 3")
			.add("share of response word pieces that occur in the prompt")
			.add("log1p(prompt word pieces) / 5");
		json.put("score_head", "score.weight @ concat(mean pooled output, score_features) + score.bias");
		json.put("reward_mean", config.rewardMean());
		json.put("reward_std", config.rewardStd());
		json.put("normalisation", "(raw - reward_mean) / reward_std (reward_std 1 when below 1e-9)");
		return ModelConfig.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
	}

	/**
	 * The safetensors format: an 8-byte little-endian header length, the JSON header
	 * (padded with spaces to a multiple of 8, so tensors stay aligned), then each
	 * tensor's little-endian float32 data in header order.
	 */
	static void safetensors(Map<String, float[]> values, Map<String, long[]> shapes, OutputStream out)
			throws IOException {
		ObjectNode header = ModelConfig.JSON.createObjectNode();
		header.putObject("__metadata__").put("format", "pt");
		long offset = 0;
		for (Map.Entry<String, float[]> tensor : values.entrySet()) {
			ObjectNode entry = header.putObject(tensor.getKey());
			entry.put("dtype", "F32");
			var shape = entry.putArray("shape");
			for (long dimension : shapes.get(tensor.getKey())) {
				shape.add(dimension);
			}
			long end = offset + (long) Float.BYTES * tensor.getValue().length;
			entry.putArray("data_offsets").add(offset).add(end);
			offset = end;
		}
		StringBuilder json = new StringBuilder(ModelConfig.JSON.writeValueAsString(header));
		while (json.length() % 8 != 0) {
			json.append(' ');
		}
		byte[] headerBytes = json.toString().getBytes(StandardCharsets.UTF_8);
		ByteBuffer buffer = ByteBuffer.allocate(Float.BYTES * CHUNK_FLOATS).order(ByteOrder.LITTLE_ENDIAN);
		buffer.putLong(headerBytes.length);
		out.write(buffer.array(), 0, Long.BYTES);
		out.write(headerBytes);
		for (float[] tensor : values.values()) {
			for (int from = 0; from < tensor.length; from += CHUNK_FLOATS) {
				int count = Math.min(CHUNK_FLOATS, tensor.length - from);
				buffer.clear();
				buffer.asFloatBuffer().put(tensor, from, count);
				out.write(buffer.array(), 0, Float.BYTES * count);
			}
		}
	}

	/**
	 * The encoder's tokenizer as shipped, without its fixed padding and truncation to 128
	 * (we tokenize without either and cut the texts ourselves).
	 */
	private static byte[] tokenizer() {
		JsonNode json = ModelConfig.JSON.readTree(resource(TOKENIZER));
		((ObjectNode) json).putNull("truncation");
		((ObjectNode) json).putNull("padding");
		return ModelConfig.JSON.writeValueAsBytes(json);
	}

	private static byte[] resource(String name) {
		try (InputStream in = HuggingFaceExport.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException(name + " is not on the class path");
			}
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + name, e);
		}
	}

}
