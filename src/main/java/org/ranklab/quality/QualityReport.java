package org.ranklab.quality;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * {@code GET /projects/{id}/quality}.
 *
 * @param pairwiseAgreement mean agreement over every pair of rankable rankings of the
 * same prompt, by labelers not excluded from the project; {@code null} when no prompt has
 * two
 * @param goldTauThreshold labelers whose gold tau is below it are flagged
 */
record QualityReport(Double pairwiseAgreement, double goldTauThreshold, List<LabelerQuality> labelers) {

	/**
	 * @param labeler stable pseudonym, as in the exports
	 * @param rankings rankings of regular (not gold) prompts submitted, not-rankable
	 * verdicts included
	 * @param kendallTau mean Kendall tau-b of the labeler's rankings against the
	 * consensus of the other labelers' rankings of the same prompt (excluded labelers
	 * left out); {@code null} when no ranking has such a consensus
	 * @param skipShare skips over skips and rankings
	 * @param notRankableShare not-rankable verdicts over rankings
	 * @param goldTasks gold prompts the labeler ranked (not-rankable verdicts included)
	 * @param goldTau mean Kendall tau-b of their rankings of gold prompts against the
	 * gold rankings; {@code null} without any
	 * @param flagged the gold tau is below the report's threshold
	 * @param excluded the labeler is excluded from the project: their rankings count
	 * nowhere
	 * @param exclusionReason why, when excluded
	 * @param username shown to admins on the quality page, never in the API
	 */
	record LabelerQuality(String labeler, long rankings, Double kendallTau, Double medianSeconds, long skips,
			long notRankable, Double skipShare, Double notRankableShare, long goldTasks, Double goldTau,
			boolean flagged, boolean excluded, String exclusionReason, @JsonIgnore String username) {
	}

}
