package org.ranklab.training.engine;

/**
 * What one epoch measured. Validation figures are null when nothing was held out.
 *
 * @param epoch 1-based
 * @param trainLoss mean training loss over the epoch's batches (with dropout)
 * @param valLoss loss on the held-out prompts
 * @param valAccuracy share of the held-out ordered pairs whose winner gets the higher
 * reward (equal rewards count half)
 */
public record EpochMetrics(int epoch, double trainLoss, Double valLoss, Double valAccuracy) {
}
