/**
 * The NDJSON exports of a project's data sets: every ranking with its texts, preference
 * pairs (of each ranking or of each prompt's consensus), consensus rankings with their
 * agreement, and the best candidate of each consensus, streamed with bounded memory.
 * <p>
 * Owns no table and writes nothing. Each export reads labeling's
 * {@link org.ranklab.labeling.SubmittedRankings} and prompt's
 * {@link org.ranklab.prompt.PromptTexts} in one read-only snapshot, merging the two
 * streams in prompt order, and computes consensus and agreement with {@code ranking}.
 */
@ApplicationModule(allowedDependencies = { "labeling", "prompt", "project", "ranking", "web" })
package org.ranklab.export;

import org.springframework.modulith.ApplicationModule;
