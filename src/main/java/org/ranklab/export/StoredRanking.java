package org.ranklab.export;

import java.time.Instant;

/**
 * A submitted ranking as exports read it.
 *
 * @param tiers {@code null} for a not-rankable verdict sent without a ranking
 * @param scoresJson the stored scores object, or {@code null}
 * @param labeler the labeler's stable pseudonym
 * @param comment the labeler's comment, or {@code null}
 */
record StoredRanking(long id, long promptId, Tiers tiers, String scoresJson, boolean notRankable, String labeler,
		Instant createdAt, String comment) {
}
