package org.ranklab.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import org.ranklab.prompt.PromptText;
import org.ranklab.training.engine.PromptResponses;

/**
 * Scores with a project's reward models for other modules (quality compares the newest
 * model with the labelers' consensus): the model is loaded once, through the cache, for a
 * whole batch of prompts.
 */
@Service
public class RewardScores {

	private final RewardModelStore store;

	private final RewardModels models;

	RewardScores(RewardModelStore store, RewardModels models) {
		this.store = store;
		this.models = models;
	}

	/** The id of the project's newest model (of a run that succeeded), if any. */
	public Optional<Long> newestModel(long projectId) {
		return store.newest(projectId);
	}

	/**
	 * The model's normalised scores of each prompt's candidates, in the candidates'
	 * order, by prompt id.
	 */
	public Map<Long, double[]> score(long modelId, List<PromptText> prompts) {
		List<PromptResponses> items = prompts.stream()
			.map(prompt -> new PromptResponses(prompt.modelText(),
					prompt.candidates().stream().map(PromptText.Candidate::text).toList()))
			.toList();
		List<double[]> scored = models.with(modelId, model -> model.scoreAll(items));
		Map<Long, double[]> scores = new LinkedHashMap<>();
		for (int i = 0; i < prompts.size(); i++) {
			scores.put(prompts.get(i).id(), scored.get(i));
		}
		return scores;
	}

}
