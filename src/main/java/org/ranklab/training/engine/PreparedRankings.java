package org.ranklab.training.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one network trains on and how: its settings, the split by prompt, the vocabulary
 * of the training side only, every text encoded once, and the network's config.
 */
record PreparedRankings(TrainingSettings settings, PromptSplit split, Vocabulary vocabulary, ModelConfig config,
		EncodedRankings training, EncodedRankings validation) {

	private static final int MIN_TOKEN_COUNT = 2;

	private static final int MAX_VOCABULARY_WORDS = 50_000;

	private static final int OOV_BUCKETS = 1024;

	/** Prepares the rankings for a network of the given architecture. */
	static PreparedRankings of(List<RankedGroup> groups, TrainingSettings settings, Architecture architecture) {
		if (architecture == Architecture.ENSEMBLE) {
			throw new IllegalArgumentException("an ensemble cannot contain an ensemble");
		}
		List<RankedGroup> usable = usableGroups(groups, settings.objective());
		PromptSplit split = PromptSplit.of(usable, settings.validationFraction(), settings.seed());
		boolean wordBigrams = architecture != Architecture.TRANSFORMER && architecture != Architecture.FINETUNED;
		boolean finetuned = architecture == Architecture.FINETUNED;
		// the finetuned network reads the pretrained model's word pieces, not a
		// vocabulary of the run's
		Vocabulary vocabulary = finetuned ? new Vocabulary(List.of(), 0)
				: vocabulary(split.training(), new TextTokenizer(wordBigrams));
		String textEncoder = architecture.textEncoder();
		int layers = switch (architecture) {
			case TRANSFORMER, FINETUNED -> settings.layers();
			default -> 0;
		};
		int heads = switch (architecture) {
			case TRANSFORMER -> 4;
			case FINETUNED -> FinetunedRewardNet.HEADS;
			default -> 0;
		};
		ModelConfig config = new ModelConfig(ModelConfig.FORMAT, ModelConfig.FORMAT_VERSION, architecture,
				settings.objective(), settings.embeddingSize(), settings.hiddenSize(), layers, heads,
				settings.dropout(), settings.maxPromptTokens(), settings.maxResponseTokens(), wordBigrams,
				finetuned ? 0 : OOV_BUCKETS, vocabulary.words().size(), 0, 1, textEncoder, 0, null);
		TextEncoder encoder = TextEncoder.of(config, vocabulary);
		EncodedRankings training = EncodedRankings.of(split.training(), encoder);
		if (settings.lengthPrior()) {
			config = config.withLengthPrior(LengthPrior.fit(training));
		}
		return new PreparedRankings(settings, split, vocabulary, config, training,
				EncodedRankings.of(split.validation(), encoder));
	}

	private static List<RankedGroup> usableGroups(List<RankedGroup> groups, Objective objective) {
		if (objective == Objective.DIRECT_SCORE) {
			List<RankedGroup> scored = groups.stream().filter(RankedGroup::hasScores).toList();
			if (scored.isEmpty()) {
				throw new NotTrainableException("direct_score needs rankings with a score for every candidate");
			}
			return scored;
		}
		List<RankedGroup> ranked = groups.stream().filter(g -> !g.orderedPairs().isEmpty()).toList();
		if (ranked.isEmpty()) {
			throw new NotTrainableException("no ranking orders two candidates: nothing to train on");
		}
		return ranked;
	}

	private static Vocabulary vocabulary(List<RankedGroup> training, TextTokenizer tokenizer) {
		Map<String, List<String>> texts = new LinkedHashMap<>();
		for (RankedGroup group : training) {
			texts.computeIfAbsent("p" + group.promptId(), k -> tokenizer.tokens(group.prompt()));
			for (Candidate candidate : group.candidates()) {
				texts.computeIfAbsent("c" + group.promptId() + ":" + candidate.id(),
						k -> tokenizer.tokens(candidate.text()));
			}
		}
		return Vocabulary.build(texts.values(), MIN_TOKEN_COUNT, MAX_VOCABULARY_WORDS, OOV_BUCKETS);
	}

	/** Distinct prompts on one side of the split. */
	static int distinctPrompts(List<RankedGroup> groups) {
		return (int) groups.stream().mapToLong(RankedGroup::promptId).distinct().count();
	}

}
