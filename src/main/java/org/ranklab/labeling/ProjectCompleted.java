package org.ranklab.labeling;

/**
 * Published when a prompt's completion leaves its project without an open prompt (every
 * prompt that has candidates has all its rankings), inside the transaction that stores
 * the last ranking, after {@link PromptCompleted}. Prompts added later may open the
 * project again, and complete it again.
 */
public record ProjectCompleted(long projectId) {
}
