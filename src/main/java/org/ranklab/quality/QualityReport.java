package org.ranklab.quality;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.ranklab.ranking.PositionBias;

/**
 * {@code GET /projects/{id}/quality}.
 *
 * @param pairwiseAgreement mean agreement over every pair of rankable rankings of the
 * same prompt, by labelers not excluded from the project; {@code null} when no prompt has
 * two
 * @param goldTauThreshold labelers whose gold tau is below it are flagged
 * @param positionBias first places by the position shown, over the rankable rankings of
 * labelers not excluded
 */
record QualityReport(Double pairwiseAgreement, double goldTauThreshold, PositionBiasReport positionBias,
		List<LabelerQuality> labelers) {

	/**
	 * p-values below this mark a labeler's position bias as significant (on the quality
	 * page and in {@code position_biased}).
	 */
	static final double POSITION_BIAS_P = 0.01;

	/**
	 * @param firstPlaceByPosition per position shown (first shown first), how often the
	 * candidate there ended first (a tie for first shares it)
	 * @param pValue chi-square goodness of fit against no bias; {@code null} when there
	 * are too few rankings to tell (see {@link PositionBias})
	 * @param rankings rankings counted
	 */
	record PositionBiasReport(List<Double> firstPlaceByPosition, Double pValue, long rankings) {

		static PositionBiasReport of(PositionBias bias) {
			return new PositionBiasReport(bias.firstPlaceByPosition(), bias.pValue(), bias.rankings());
		}

		boolean significant() {
			return pValue != null && pValue < POSITION_BIAS_P;
		}

	}

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
	 * @param positionBias the labeler's first places by position shown
	 * @param positionBiased its p-value is below {@link #POSITION_BIAS_P}
	 */
	record LabelerQuality(String labeler, long rankings, Double kendallTau, Double medianSeconds, long skips,
			long notRankable, Double skipShare, Double notRankableShare, long goldTasks, Double goldTau,
			boolean flagged, boolean excluded, String exclusionReason, @JsonIgnore String username,
			PositionBiasReport positionBias, boolean positionBiased) {
	}

}
