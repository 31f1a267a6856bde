package org.ranklab.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.ranklab.jobs.JobContext;
import org.ranklab.jobs.JobWorker;
import org.ranklab.labeling.ModelMargins;
import org.ranklab.prompt.PromptText;
import org.ranklab.prompt.PromptTexts;
import org.ranklab.training.engine.ScoreMargin;

/**
 * Scores a project's open prompts with a model and records, per prompt, the margin
 * between its two best candidates' scores: the smaller, the less sure the model is which
 * is better, and the more a ranking of it teaches. Works in batches, each recorded as it
 * is done, so that a resumed job only repeats one batch's work.
 */
@Component
class MarginWorker implements JobWorker {

	static final String TYPE = "model-margins";

	static final int BATCH = 200;

	private final RewardScores scores;

	private final ModelMargins margins;

	private final PromptTexts texts;

	private final TransactionTemplate readOnly;

	MarginWorker(RewardScores scores, ModelMargins margins, PromptTexts texts,
			PlatformTransactionManager transactions) {
		this.scores = scores;
		this.margins = margins;
		this.texts = texts;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public void run(JobContext job) {
		long modelId = job.parameters().path("reward_model_id").asLong();
		long projectId = job.projectId();
		if (!scores.newestModel(projectId).map(newest -> newest == modelId).orElse(false)) {
			job.report(1, "model " + modelId + " is no longer the project's newest: its job scores the prompts",
					Map.of());
			return;
		}
		List<Long> open = margins.openPrompts(projectId);
		for (int start = 0; start < open.size() && !job.isCancelRequested(); start += BATCH) {
			List<Long> batch = open.subList(start, Math.min(open.size(), start + BATCH));
			margins.record(projectId, margins(modelId, textsOf(projectId, batch)));
			int done = start + batch.size();
			job.report((double) done / open.size(), "scored %d of %d open prompts".formatted(done, open.size()),
					Map.of("prompts", done, "reward_model_id", modelId));
		}
		if (open.isEmpty()) {
			job.report(1, "no open prompt to score", Map.of("prompts", 0, "reward_model_id", modelId));
		}
	}

	private List<PromptText> textsOf(long projectId, List<Long> promptIds) {
		return readOnly.execute(status -> {
			try (Stream<PromptText> read = texts.of(projectId, promptIds.stream())) {
				return new ArrayList<>(read.toList());
			}
		});
	}

	private Map<Long, Double> margins(long modelId, List<PromptText> prompts) {
		Map<Long, Double> margins = new HashMap<>();
		scores.score(modelId, prompts).forEach((prompt, candidateScores) -> {
			if (candidateScores.length >= 2) {
				margins.put(prompt, ScoreMargin.of(candidateScores));
			}
		});
		return margins;
	}

}
