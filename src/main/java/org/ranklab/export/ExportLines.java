package org.ranklab.export;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

import org.ranklab.prompt.ChatMessage;
import org.ranklab.prompt.PromptText;

/**
 * The lines of the NDJSON exports (snake_case like the rest of the API; ids as strings).
 */
final class ExportLines {

	private ExportLines() {
	}

	/** {@code meta}: the candidate's provenance as imported or generated, or null. */
	record CandidateLine(String id, String text, String model, @JsonRawValue String meta) {
	}

	/**
	 * {@code export/rankings}: a ranking with everything needed to use it on its own.
	 *
	 * @param candidates the JSON array of {@link CandidateLine}s, written once per prompt
	 * for all its rankings
	 * @param comment the labeler's comment, only when there is one (beyond the contract's
	 * fields)
	 * @param messages a conversation prompt's turns (then {@code prompt} is their
	 * flattening), only for such prompts
	 * @param meta the prompt's meta as imported, or null
	 * @param presentedOrder the candidate ids in the order the labeler saw them
	 */
	record RankingLine(String rankingId, String promptId, String externalId, String prompt,
			@JsonInclude(JsonInclude.Include.NON_NULL) @JsonRawValue String messages, @JsonRawValue String meta,
			@JsonRawValue String candidates, List<List<String>> ranking,
			@JsonInclude(JsonInclude.Include.NON_NULL) @JsonRawValue String scores, boolean notRankable, String labeler,
			Instant createdAt, @JsonInclude(JsonInclude.Include.NON_NULL) String comment, List<String> presentedOrder,
			double secondsOnTask, int guidelinesVersion) {
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
	 * ids: texts, or for a conversation TRL's conversational prompt-completion form (the
	 * messages, and one assistant message).
	 */
	record BestLine(Object prompt, Object completion, String promptId, String completionId) {

		static BestLine of(PromptText prompt, PromptText.Candidate best) {
			String promptId = Long.toString(prompt.id());
			String completionId = Long.toString(best.id());
			if (prompt.conversation()) {
				return new BestLine(prompt.messages(), List.of(new ChatMessage(ChatMessage.ASSISTANT, best.text())),
						promptId, completionId);
			}
			return new BestLine(prompt.text(), best.text(), promptId, completionId);
		}

	}

}
