package org.ranklab.training;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.ranklab.IntegrationTest;
import org.ranklab.training.engine.Architecture;
import org.ranklab.training.engine.RankedGroup;
import org.ranklab.training.engine.RewardModelTrainer;
import org.ranklab.training.engine.SyntheticRankings;
import org.ranklab.training.engine.TrainingMonitor;
import org.ranklab.training.engine.TrainingResult;
import org.ranklab.training.engine.TrainingSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code GET /reward-models/{id}/artifact?format=hf}: a tiny finetuned model (two of six
 * layers, the lower frozen, as in FinetunedArchitectureTests) stored as a run would store
 * it, downloaded as a Hugging Face style directory. That the files score as the app does
 * is bench/scoring/hf_check.sh's job (it needs PyTorch in Python).
 */
class HuggingFaceExportTests extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int LAYERS = 2;

	private static byte[] finetunedArtifact;

	@Test
	void aFinetunedModelDownloadsAsAHuggingFaceDirectoryWithEveryWeight() throws Exception {
		long model = store("finetuned", finetuned());

		HttpResponse<byte[]> response = download("/api/v1/reward-models/" + model + "/artifact?format=hf");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/zip");
		assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
			.contains("reward-model-" + model + "-hf.zip");
		Map<String, byte[]> entries = unzip(response.body());
		assertThat(entries).containsOnlyKeys("config.json", "model.safetensors", "tokenizer.json", "README.md");

		JsonNode config = JSON.readTree(entries.get("config.json"));
		assertThat(config.path("model_type").asString()).isEqualTo("bert");
		assertThat(config.path("num_hidden_layers").asInt()).isEqualTo(LAYERS);
		assertThat(config.path("hidden_size").asInt()).isEqualTo(384);
		assertThat(config.path("max_prompt_tokens").asInt()).isEqualTo(8);
		assertThat(config.path("max_response_tokens").asInt()).isEqualTo(24);
		assertThat(config.path("pooling").asString()).isEqualTo("mean");
		assertThat(config.path("reward_std").asDouble()).isPositive();

		Map<String, long[]> tensors = safetensors(entries.get("model.safetensors"));
		// embeddings (5), 16 per layer, the head (2): the frozen ones too, unlike our own
		// zip
		assertThat(tensors).hasSize(5 + 16 * LAYERS + 2);
		assertThat(tensors.get("bert.embeddings.word_embeddings.weight")).containsExactly(30522, 384);
		assertThat(tensors.get("bert.encoder.layer.0.intermediate.dense.weight")).containsExactly(1536, 384);
		assertThat(tensors.get("bert.encoder.layer.1.output.dense.weight")).containsExactly(384, 1536);
		assertThat(tensors.get("score.weight")).containsExactly(1, 389);
		assertThat(tensors.get("score.bias")).containsExactly(1);

		// the length prior travels in the head's five feature columns
		Map<String, byte[]> own = unzip(finetuned());
		JsonNode prior = JSON.readTree(own.get("config.json")).path("length_prior");
		float[] trainedHead = floats(own.get("weights.safetensors"), "head.weight");
		float[] exportedHead = floats(entries.get("model.safetensors"), "score.weight");
		assertThat(prior.size()).isEqualTo(5);
		assertThat(prior.get(1).asDouble()).as("the prior's weight on log characters").isNotCloseTo(0, within(0.01));
		for (int i = 0; i < 389; i++) {
			double expected = trainedHead[i] + (i < 384 ? 0 : prior.get(i - 384).asDouble());
			assertThat((double) exportedHead[i]).as("score.weight[%d]", i).isCloseTo(expected, within(1e-6));
		}

		JsonNode tokenizer = JSON.readTree(entries.get("tokenizer.json"));
		assertThat(tokenizer.path("model").path("type").asString()).isEqualTo("WordPiece");
		assertThat(tokenizer.path("model").path("vocab").path("[CLS]").asInt()).isEqualTo(101);
		assertThat(new String(entries.get("README.md"), StandardCharsets.UTF_8)).contains("reward_mean",
				"[CLS] P' [SEP] R' [SEP]", "BertModel.from_pretrained");
	}

	@Test
	void otherArchitecturesAndUnknownFormatsAreRefusedNamingWhatIsAvailable() {
		long pooled = store("pooled", new byte[] { 0 });

		JsonNode problem = api.get("/api/v1/reward-models/" + pooled + "/artifact?format=hf", admin())
			.expectProblem(400);

		assertThat(problem.path("detail").asString()).contains("only available for [finetuned]", "pooled");
		assertThat(api.get("/api/v1/reward-models/" + pooled + "/artifact?format=onnx", admin())
			.expectProblem(400)
			.path("detail")
			.asString()).contains("format");
		api.get("/api/v1/reward-models/999999999/artifact?format=hf", admin()).expectProblem(404);
	}

	@Test
	void labelersMayNotDownloadIt() {
		long pooled = store("pooled", new byte[] { 0 });

		api.get("/api/v1/reward-models/" + pooled + "/artifact?format=hf", newLabeler()).expectProblem(403);
	}

	private static synchronized byte[] finetuned() {
		if (finetunedArtifact == null) {
			List<RankedGroup> groups = SyntheticRankings.groups(40, 3, 11)
				.stream()
				.filter(g -> !g.orderedPairs().isEmpty())
				.toList();
			TrainingResult trained = new RewardModelTrainer().train(groups,
					TrainingSettings.builder(Architecture.FINETUNED)
						.optLayers(LAYERS)
						.optFrozenLayers(1)
						.optMaxTokens(8, 24)
						.optEpochs(1)
						.optBatchSize(8)
						.optValidationFraction(0.25)
						.build(),
					TrainingMonitor.NONE);
			finetunedArtifact = trained.artifact();
		}
		return finetunedArtifact;
	}

	/** A model row as a finished run stores it, in a project of its own. */
	private long store(String architecture, byte[] artifact) {
		long project = newProject("{\"name\":\"HF export " + architecture + "\"}");
		long run = jdbc.sql("""
				INSERT INTO training_runs (project_id, status, objective, architecture, source, settings)
				VALUES (?, 'SUCCEEDED', 'rank', ?, 'rankings', '{}') RETURNING id""")
			.params(project, architecture)
			.query(Long.class)
			.single();
		return jdbc.sql("""
				INSERT INTO reward_models (project_id, training_run_id, architecture, objective, metrics, reward_mean,
				                           reward_std, artifact, artifact_bytes)
				VALUES (?, ?, ?, 'rank', '{}', 0.1, 0.5, ?, ?) RETURNING id""")
			.params(project, run, architecture, artifact, artifact.length)
			.query(Long.class)
			.single();
	}

	private HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Authorization", admin().header())
				.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> entries = new HashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

	/** One float32 tensor of a safetensors file, flat. */
	private static float[] floats(byte[] file, String name) {
		long headerLength = ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
		JsonNode offsets = JSON.readTree(new String(file, 8, (int) headerLength, StandardCharsets.UTF_8))
			.path(name)
			.path("data_offsets");
		int start = (int) (8 + headerLength + offsets.get(0).asLong());
		int bytes = (int) (offsets.get(1).asLong() - offsets.get(0).asLong());
		float[] values = new float[bytes / 4];
		ByteBuffer.wrap(file, start, bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
		return values;
	}

	/**
	 * The shapes of a safetensors file's tensors, checking that each one's bytes match
	 * its shape and that the tensors fill the data exactly, one after another.
	 */
	private static Map<String, long[]> safetensors(byte[] file) {
		long headerLength = ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
		JsonNode header = JSON.readTree(new String(file, 8, (int) headerLength, StandardCharsets.UTF_8));
		Map<String, long[]> shapes = new HashMap<>();
		long dataBytes = file.length - 8 - headerLength;
		long covered = 0;
		for (Map.Entry<String, JsonNode> entry : header.properties()) {
			if (entry.getKey().equals("__metadata__")) {
				continue;
			}
			JsonNode tensor = entry.getValue();
			assertThat(tensor.path("dtype").asString()).isEqualTo("F32");
			long[] shape = new long[tensor.path("shape").size()];
			long count = 1;
			for (int i = 0; i < shape.length; i++) {
				shape[i] = tensor.path("shape").get(i).asLong();
				count *= shape[i];
			}
			long start = tensor.path("data_offsets").get(0).asLong();
			long end = tensor.path("data_offsets").get(1).asLong();
			assertThat(end - start).as(entry.getKey()).isEqualTo(4 * count);
			assertThat(end).as(entry.getKey()).isLessThanOrEqualTo(dataBytes);
			covered += end - start;
			shapes.put(entry.getKey(), shape);
		}
		assertThat(covered).isEqualTo(dataBytes);
		return shapes;
	}

}
