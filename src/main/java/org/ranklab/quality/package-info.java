/**
 * Labeler quality: how far the labelers of a project agree (pairwise agreement), how each
 * compares with the consensus of the others (Kendall's tau-b) and with the known rankings
 * of gold prompts (gold tau, flagged below a threshold the admin sets), with their
 * counts, skip and not-rankable shares, time on task and exclusion; the {@code /quality}
 * report of the API and the admin's quality page with its review of one labeler, where
 * labelers are excluded and included again (through labeling's exclusion API).
 * <p>
 * Owns no table and writes nothing: it reads submitted rankings and labeler tallies
 * through labeling's published API, prompt texts and gold rankings through prompt's,
 * usernames through user's, the newest reward model's scores through training's
 * {@link org.ranklab.training.RewardScores} (where the model disagrees most with the
 * consensus), and computes with ranking.
 */
@ApplicationModule(allowedDependencies = { "labeling", "prompt", "project", "ranking", "training", "user", "web" })
package org.ranklab.quality;

import org.springframework.modulith.ApplicationModule;
