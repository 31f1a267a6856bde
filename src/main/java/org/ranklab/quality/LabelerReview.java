package org.ranklab.quality;

import java.util.List;

/**
 * One labeler's latest rankings next to the consensus of the other labelers of the same
 * prompts, for the quality page.
 */
record LabelerReview(String labeler, List<ReviewedRanking> rankings) {

	record Candidate(String id, String text) {
	}

	/**
	 * @param consensus of the other labelers' rankings of the prompt; {@code null} when
	 * nobody else ranked it
	 * @param kendallTau tau-b of the ranking against that consensus; {@code null} when
	 * undefined
	 */
	record ReviewedRanking(String rankingId, String promptId, String prompt, List<List<Candidate>> ranking,
			List<List<Candidate>> consensus, int others, Double kendallTau) {
	}

}
