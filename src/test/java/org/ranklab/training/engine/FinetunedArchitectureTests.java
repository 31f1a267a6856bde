package org.ranklab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The finetuned architecture: the pretrained encoder loaded into DJL, and fine-tuning on
 * tiny data (one layer of six trained, short sequences, a few steps).
 */
class FinetunedArchitectureTests {

	private static final List<String> SENTENCES = List.of("The cat sat on the mat.",
			"How do I bake bread without yeast?", "Stock markets fell sharply on Tuesday after the report.",
			"Je ne sais pas, désolé.", "");

	private static final List<RankedGroup> GROUPS = SyntheticRankings.groups(80, 3, 11)
		.stream()
		.filter(g -> !g.orderedPairs().isEmpty())
		.toList();

	/** Two of the six layers, the lower one frozen, 24 tokens: a few seconds. */
	private static final TrainingSettings TINY = TrainingSettings.builder(Architecture.FINETUNED)
		.optLayers(2)
		.optFrozenLayers(1)
		.optMaxTokens(8, 24)
		.optLearningRate(1e-3)
		.optEpochs(3)
		.optBatchSize(8)
		.optValidationFraction(0.25)
		.build();

	private static TrainingResult trained;

	@BeforeAll
	static void train() {
		trained = new RewardModelTrainer().train(GROUPS, TINY, TrainingMonitor.NONE);
	}

	@Test
	void learnsAHiddenOrderOfWords() {
		assertThat(trained.metrics()).hasSize(3);
		assertThat(trained.last().valAccuracy()).isGreaterThanOrEqualTo(0.9);
	}

	@Test
	void savedModelHoldsOnlyWhatTrainingChangedAndScoresAsTheTrainedOne() {
		List<RankedGroup> validation = PromptSplit.of(GROUPS, 0.25, TINY.seed()).validation();
		try (RewardModel loaded = RewardModel.load(trained.artifact())) {
			assertThat(loaded.config().architecture()).isEqualTo(Architecture.FINETUNED);
			assertThat(ModelAccuracy.of(loaded, validation)).isEqualTo(trained.last().valAccuracy());
		}
		// one trained layer of 1.8 M parameters and the head; the frozen layer and the
		// 12 M embedding weights stay in their jar
		assertThat(trained.artifact().length).isBetween(6_000_000, 9_000_000);
	}

	@Test
	void anEnsembleTrainsItsFinetunedMemberWithTheFinetunedDefaultsAndScoresAsTrained() {
		List<RankedGroup> groups = GROUPS.subList(0, 40);
		TrainingSettings run = TrainingSettings.builder(Architecture.ENSEMBLE)
			.optEpochs(2)
			.optBatchSize(8)
			.optValidationFraction(0.25)
			.optMembers(List.of(Architecture.POOLED, Architecture.FINETUNED))
			.build();

		TrainingResult result = new RewardModelTrainer().train(groups, run, TrainingMonitor.NONE);

		assertThat(result.metrics()).hasSize(2);
		try (RewardModel ensemble = RewardModel.load(result.artifact())) {
			ModelConfig finetuned = ensemble.members().get(1).config();
			assertThat(finetuned.architecture()).isEqualTo(Architecture.FINETUNED);
			assertThat(finetuned.maxPromptTokens()).isEqualTo(TrainingSettings.FINETUNED_PROMPT_TOKENS);
			assertThat(finetuned.layers()).isEqualTo(FinetunedRewardNet.MAX_LAYERS);
			List<RankedGroup> validation = PromptSplit.of(groups, 0.25, run.seed()).validation();
			assertThat(ModelAccuracy.of(ensemble, validation)).isEqualTo(result.last().valAccuracy());
		}
	}

	@Test
	void theLoadedEncoderGivesTheOnnxModelsSentenceEmbeddings() {
		ModelConfig config = PreparedRankings
			.of(SyntheticRankings.groups(4, 2, 1),
					TrainingSettings.builder(Architecture.FINETUNED).optValidationFraction(0).build(),
					Architecture.FINETUNED)
			.config();
		FinetunedRewardNet net = new FinetunedRewardNet(config);
		WordPieceTokenizer tokenizer = WordPieceTokenizer.minilm();
		SentenceEmbedder onnx = SentenceEmbedder.named(SentenceEmbedder.MINILM);
		try (NDManager manager = NativeEngine.get().newBaseManager()) {
			net.initialize(manager, DataType.FLOAT32, net.sampleShapes());
			List<int[]> texts = SENTENCES.stream().limit(4).map(s -> tokenizer.tokenize(s, 128, false).ids()).toList();
			NDArray pooled = net.sentenceEmbeddings(new ParameterStore(manager, false), manager, texts);
			for (int i = 0; i < texts.size(); i++) {
				float[] djl = pooled.get(i).toFloatArray();
				assertThat(cosine(djl, onnx.embed(SENTENCES.get(i)))).as(SENTENCES.get(i))
					.isGreaterThanOrEqualTo(0.999);
			}
		}
	}

	private static double cosine(float[] a, float[] b) {
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
			na += a[i] * a[i];
			nb += b[i] * b[i];
		}
		return dot / Math.sqrt(na * nb);
	}

}
