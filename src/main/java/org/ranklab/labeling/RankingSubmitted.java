package org.ranklab.labeling;

/**
 * Published when a ranking (or a not-rankable verdict) is stored, synchronously inside
 * the transaction that stores it: a listener's writes commit with the ranking or not at
 * all.
 */
public record RankingSubmitted(long rankingId, long assignmentId, long projectId, long promptId) {
}
