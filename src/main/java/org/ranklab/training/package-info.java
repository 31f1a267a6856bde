/**
 * Reward models: training runs (a job of the {@code jobs} module that trains with DJL on
 * a project's rankings, in {@code engine}), the stored models, and scoring with them.
 * <p>
 * Owns the tables {@code training_runs}, {@code reward_models} and
 * {@code reward_serving_keys} (keys that let a training loop score with one model by URL
 * alone; their creation and revocation go to {@link org.ranklab.audit.AuditLog}).
 * <p>
 * Reads rankings through labeling's {@link org.ranklab.labeling.SubmittedRankings} and
 * their texts through prompt's {@link org.ranklab.prompt.PromptTexts}, in one snapshot;
 * consensus comes from {@code ranking}. A run shows its job's progress through
 * {@link org.ranklab.jobs.Jobs} and ends with it on {@link org.ranklab.jobs.JobFinished},
 * publishing {@link org.ranklab.training.TrainingRunFinished} in that transaction; a run
 * that stored a model queues a {@code model-margins} job, which scores the project's open
 * prompts and records their margins through labeling's
 * {@link org.ranklab.labeling.ModelMargins}. Publishes
 * {@link org.ranklab.training.RewardScores} (the newest model's scores, for quality).
 */
@ApplicationModule(allowedDependencies = { "audit", "jobs", "labeling", "project", "prompt", "ranking", "user", "web" })
package org.ranklab.training;

import org.springframework.modulith.ApplicationModule;
