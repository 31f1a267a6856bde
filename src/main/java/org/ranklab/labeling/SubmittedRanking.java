package org.ranklab.labeling;

import java.time.Instant;
import java.util.List;

import org.ranklab.ranking.Tiers;

/**
 * A submitted ranking, as other modules read it.
 *
 * @param tiers {@code null} for a not-rankable verdict sent without a ranking
 * @param scoresJson the stored scores object ({@code {"<candidate id>": 1..7}}), or
 * {@code null}
 * @param labeler the labeler's stable pseudonym, never the username
 * @param comment the labeler's comment, or {@code null}
 * @param presentedOrder the candidate ids in the order the labeler was shown them
 * @param secondsOnTask from the start of the lease to the submission
 * @param guidelinesVersion the version of the guidelines the labeler was last shown the
 * task with
 */
public record SubmittedRanking(long id, long promptId, Tiers tiers, String scoresJson, boolean notRankable,
		String labeler, Instant createdAt, String comment, List<Long> presentedOrder, double secondsOnTask,
		int guidelinesVersion) {
}
