package org.ranklab.labeling;

/**
 * Published when a ranking gives a prompt its last wanted ranking
 * ({@code rankings_per_prompt}), inside the transaction that stores it, after
 * {@link RankingSubmitted}.
 */
public record PromptCompleted(long projectId, long promptId, int rankings) {
}
