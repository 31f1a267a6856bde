package org.ranklab.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import org.ranklab.labeling.Labelers;
import org.ranklab.labeling.SubmittedRanking;
import org.ranklab.labeling.SubmittedRankings;
import org.ranklab.prompt.PromptText;
import org.ranklab.prompt.PromptTexts;
import org.ranklab.quality.LabelerReview.Candidate;
import org.ranklab.quality.LabelerReview.ReviewedRanking;
import org.ranklab.ranking.Agreement;
import org.ranklab.ranking.RankedPairs;
import org.ranklab.ranking.Tiers;
import org.ranklab.web.NotFoundException;

/** Reads a labeler's latest rankings with what the others said about the same prompts. */
@Service
class LabelerReviews {

	static final int LATEST = 20;

	private final SubmittedRankings submitted;

	private final Labelers labelers;

	private final PromptTexts promptTexts;

	LabelerReviews(SubmittedRankings submitted, Labelers labelers, PromptTexts promptTexts) {
		this.submitted = submitted;
		this.labelers = labelers;
		this.promptTexts = promptTexts;
	}

	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	LabelerReview of(long projectId, String labeler) {
		if (!labelers.exists(labeler)) {
			throw new NotFoundException("labeler", labeler);
		}
		List<SubmittedRanking> latest = submitted.latestOf(projectId, labeler, LATEST);
		List<Long> prompts = latest.stream().map(SubmittedRanking::promptId).distinct().sorted().toList();
		Map<Long, List<SubmittedRanking>> othersByPrompt = new HashMap<>();
		submitted.othersOf(projectId, prompts, labeler)
			.forEach(other -> othersByPrompt.computeIfAbsent(other.promptId(), p -> new ArrayList<>()).add(other));
		Map<Long, PromptText> texts = new HashMap<>();
		try (Stream<PromptText> read = promptTexts.of(projectId, prompts.stream())) {
			read.forEach(prompt -> texts.put(prompt.id(), prompt));
		}
		List<ReviewedRanking> reviewed = latest.stream().map(ranking -> {
			List<SubmittedRanking> others = othersByPrompt.getOrDefault(ranking.promptId(), List.of());
			Tiers consensus = others.isEmpty() ? null
					: RankedPairs.consensus(others.stream().map(SubmittedRanking::tiers).toList());
			OptionalDouble tau = consensus == null ? OptionalDouble.empty()
					: Agreement.kendallTauB(ranking.tiers(), consensus);
			PromptText prompt = texts.get(ranking.promptId());
			return new ReviewedRanking(Long.toString(ranking.id()), Long.toString(ranking.promptId()), prompt.text(),
					withTexts(ranking.tiers(), prompt), consensus == null ? null : withTexts(consensus, prompt),
					others.size(), tau.isPresent() ? tau.getAsDouble() : null);
		}).toList();
		return new LabelerReview(labeler, reviewed);
	}

	private static List<List<Candidate>> withTexts(Tiers tiers, PromptText prompt) {
		return tiers.tiers()
			.stream()
			.map(tier -> tier.stream()
				.map(id -> new Candidate(Long.toString(id), prompt.candidate(id).text()))
				.toList())
			.toList();
	}

}
