package org.ranklab.export;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * The lines of the NDJSON exports (snake_case like the rest of the API; ids as strings).
 */
final class ExportLines {

	private ExportLines() {
	}

	record CandidateLine(String id, String text, String model) {
	}

	/**
	 * {@code export/rankings}: a ranking with everything needed to use it on its own.
	 *
	 * @param candidates the JSON array of {@link CandidateLine}s, written once per prompt
	 * for all its rankings
	 * @param comment the labeler's comment, only when there is one (beyond the contract's
	 * fields)
	 */
	record RankingLine(String rankingId, String promptId, String externalId, String prompt,
			@JsonRawValue String candidates, List<List<String>> ranking,
			@JsonInclude(JsonInclude.Include.NON_NULL) @JsonRawValue String scores, boolean notRankable, String labeler,
			Instant createdAt, @JsonInclude(JsonInclude.Include.NON_NULL) String comment) {
	}

	/**
	 * {@code export/consensus}.
	 *
	 * @param rankings how many rankings were merged
	 * @param agreement mean pairwise agreement of those rankings; {@code null} with a
	 * single ranking
	 */
	record ConsensusLine(String promptId, List<List<String>> ranking, int rankings, Double agreement) {
	}

	/**
	 * {@code export/best}: prompt and completion for supervised fine-tuning, with their
	 * ids.
	 */
	record BestLine(String prompt, String completion, String promptId, String completionId) {
	}

}
