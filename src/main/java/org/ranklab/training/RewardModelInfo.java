package org.ranklab.training;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

import org.ranklab.training.engine.Architecture;
import org.ranklab.training.engine.Objective;

/**
 * A trained reward model's metadata ({@code GET /api/v1/reward-models/{id}}); the
 * artifact itself is served separately.
 *
 * @param metrics the last epoch's figures and the counts of the run: epochs, train_loss,
 * val_loss, val_accuracy, training_prompts, validation_prompts, training_pairs,
 * training_millis
 * @param rewardMean mean raw reward over the training candidates; scores are normalised
 * with it
 * @param rewardStd standard deviation of the raw rewards
 */
record RewardModelInfo(String id, String projectId, String trainingRunId, Architecture architecture,
		Objective objective, JsonNode metrics, double rewardMean, double rewardStd, long artifactBytes,
		Instant createdAt) {
}
