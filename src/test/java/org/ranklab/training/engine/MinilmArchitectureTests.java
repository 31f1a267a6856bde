package org.ranklab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MiniLM architecture on tiny data: each test class JVM embeds about 750 short texts
 * once (the embedder's cache is shared), so the whole class takes a few seconds.
 */
class MinilmArchitectureTests {

	private static final List<RankedGroup> GROUPS = SyntheticRankings.groups(150, 4, 7)
		.stream()
		.filter(g -> !g.orderedPairs().isEmpty())
		.toList();

	private static final TrainingSettings SHORT_RUN = TrainingSettings.builder(Architecture.MINILM)
		.optValidationFraction(0.25)
		.optEpochs(16)
		.optBatchSize(8)
		.build();

	private static TrainingResult trained;

	@BeforeAll
	static void train() {
		trained = new RewardModelTrainer().train(GROUPS, SHORT_RUN, TrainingMonitor.NONE);
	}

	@Test
	void learnsAHiddenOrderOfWords() {
		assertThat(trained.metrics()).hasSize(16);
		assertThat(trained.metrics().get(0).valAccuracy()).isLessThan(0.9);
		assertThat(trained.last().valAccuracy()).isGreaterThanOrEqualTo(0.9);
	}

	@Test
	void artifactNamesItsEncoderAndHoldsNoEncoderWeights() throws IOException {
		List<String> entries = new ArrayList<>();
		String config = null;
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(trained.artifact()))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				entries.add(entry.getName());
				byte[] content = zip.readAllBytes();
				if (entry.getName().equals(ModelArtifact.CONFIG)) {
					config = new String(content, StandardCharsets.UTF_8);
				}
			}
		}

		assertThat(entries).containsExactlyInAnyOrder(ModelArtifact.CONFIG, ModelArtifact.VOCABULARY,
				ModelArtifact.WEIGHTS);
		assertThat(config).contains("\"architecture\" : \"minilm\"")
			.contains("\"text_encoder\" : \"all-minilm-l6-v2\"");
		// the 90 MB ONNX model stays in its jar
		assertThat(trained.artifact().length).isLessThan(5_000_000);
	}

	@Test
	void savedModelScoresAsTheTrainedOne() {
		List<RankedGroup> validation = PromptSplit.of(GROUPS, 0.25, SHORT_RUN.seed()).validation();
		try (RewardModel first = RewardModel.load(trained.artifact());
				RewardModel second = RewardModel.load(trained.artifact())) {
			assertThat(first.config().textEncoder()).isEqualTo(SentenceEmbedder.MINILM);
			for (RankedGroup group : validation) {
				List<String> texts = group.candidates().stream().map(Candidate::text).toList();
				assertThat(second.rawScores(group.prompt(), texts))
					.containsExactly(first.rawScores(group.prompt(), texts));
			}
			// the loaded model reproduces the last epoch's validation accuracy, so it
			// carries the trained weights
			assertThat(ModelAccuracy.of(first, validation)).isEqualTo(trained.last().valAccuracy());
		}
	}

	@Test
	void refusesAnUnknownEncoder() {
		assertThatThrownBy(() -> SentenceEmbedder.named("gpt-7")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("gpt-7");
	}

}
