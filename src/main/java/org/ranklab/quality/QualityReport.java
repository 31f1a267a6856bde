package org.ranklab.quality;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * {@code GET /projects/{id}/quality}.
 *
 * @param pairwiseAgreement mean agreement over every pair of rankable rankings of the
 * same prompt; {@code null} when no prompt has two
 */
record QualityReport(Double pairwiseAgreement, List<LabelerQuality> labelers) {

	/**
	 * @param labeler stable pseudonym, as in the exports
	 * @param rankings rankings submitted, not-rankable verdicts included
	 * @param kendallTau mean Kendall tau-b of the labeler's rankings against the
	 * consensus of the other labelers' rankings of the same prompt; {@code null} when no
	 * ranking has such a consensus
	 * @param skipShare skips over skips and rankings
	 * @param notRankableShare not-rankable verdicts over rankings
	 * @param username shown to admins on the quality page, never in the API
	 */
	record LabelerQuality(String labeler, long rankings, Double kendallTau, Double medianSeconds, long skips,
			long notRankable, Double skipShare, Double notRankableShare, @JsonIgnore String username) {
	}

}
