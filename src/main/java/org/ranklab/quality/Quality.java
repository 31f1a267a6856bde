package org.ranklab.quality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import org.ranklab.labeling.Labelers;
import org.ranklab.labeling.SubmittedRanking;
import org.ranklab.labeling.SubmittedRankings;
import org.ranklab.labeling.SubmittedRankings.Excluded;
import org.ranklab.labeling.SubmittedRankings.Selection;
import org.ranklab.prompt.GoldRankings;
import org.ranklab.quality.QualityReport.LabelerQuality;
import org.ranklab.quality.QualityReport.PositionBiasReport;
import org.ranklab.ranking.Agreement;
import org.ranklab.ranking.PositionBias;
import org.ranklab.ranking.RankedPairs;
import org.ranklab.ranking.Tiers;
import org.ranklab.user.Usernames;

/**
 * How far labelers agree, how each labeler compares with the others, and how each does on
 * gold prompts. Counts, shares and medians come from labeling's tallies; agreement and
 * Kendall's tau from one pass over the rankable rankings, prompt by prompt, so memory
 * holds one prompt's rankings and one running sum per labeler; gold tau from a pass over
 * the gold prompts' rankings against their known rankings; position bias from the same
 * pass, from the order each ranking's candidates were shown in. Labelers excluded from
 * the project are listed with their own figures but count in nobody else's. Reads only: a
 * labeler gets their pseudonym when they first rank or skip.
 */
@Service
class Quality {

	/**
	 * Gold tau below which a labeler is flagged when the admin names no threshold: about
	 * half the pairs of a labeler's rankings disagree with gold, or ties stand where gold
	 * orders.
	 */
	static final double DEFAULT_GOLD_TAU_THRESHOLD = 0.5;

	private final SubmittedRankings submitted;

	private final Labelers labelers;

	private final GoldRankings goldRankings;

	private final Usernames usernames;

	Quality(SubmittedRankings submitted, Labelers labelers, GoldRankings goldRankings, Usernames usernames) {
		this.submitted = submitted;
		this.labelers = labelers;
		this.goldRankings = goldRankings;
		this.usernames = usernames;
	}

	/** A running mean. */
	private static final class Mean {

		private double sum;

		private long count;

		void add(OptionalDouble value) {
			if (value.isPresent()) {
				sum += value.getAsDouble();
				count++;
			}
		}

		Double value() {
			return count == 0 ? null : sum / count;
		}

	}

	/**
	 * One snapshot for the passes and the tallies, so that all count the same rankings.
	 * @param goldTauThreshold labelers with a gold tau below it are flagged
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	QualityReport of(long projectId, double goldTauThreshold) {
		List<Labelers.Tally> tallies = labelers.tallies(projectId);
		Set<String> excluded = tallies.stream()
			.filter(Labelers.Tally::excluded)
			.map(Labelers.Tally::labeler)
			.collect(Collectors.toSet());
		Mean agreement = new Mean();
		Map<String, Mean> tau = new HashMap<>();
		PositionBias bias = new PositionBias();
		Map<String, PositionBias> labelerBias = new HashMap<>();
		List<SubmittedRanking> prompt = new ArrayList<>();
		try (Stream<SubmittedRanking> rankings = submitted.of(projectId, Selection.RANKABLE, null, Excluded.INCLUDED)) {
			rankings.forEachOrdered(ranking -> {
				if (!excluded.contains(ranking.labeler())) {
					bias.add(ranking.presentedOrder(), ranking.tiers());
				}
				labelerBias.computeIfAbsent(ranking.labeler(), labeler -> new PositionBias())
					.add(ranking.presentedOrder(), ranking.tiers());
				if (!prompt.isEmpty() && ranking.promptId() != prompt.get(0).promptId()) {
					addPrompt(prompt, excluded, agreement, tau);
					prompt.clear();
				}
				prompt.add(ranking);
			});
		}
		addPrompt(prompt, excluded, agreement, tau);
		Map<String, Mean> goldTau = goldTaus(projectId);
		Map<Long, String> names = usernames.of(tallies.stream().map(Labelers.Tally::userId).toList());
		List<LabelerQuality> report = new ArrayList<>();
		for (Labelers.Tally tally : tallies) {
			Double labelerGoldTau = goldTau.getOrDefault(tally.labeler(), new Mean()).value();
			PositionBiasReport labelerPositions = PositionBiasReport
				.of(labelerBias.getOrDefault(tally.labeler(), new PositionBias()));
			report.add(new LabelerQuality(tally.labeler(), tally.rankings(),
					tau.getOrDefault(tally.labeler(), new Mean()).value(), tally.medianSeconds(), tally.skips(),
					tally.notRankable(), share(tally.skips(), tally.skips() + tally.rankings()),
					share(tally.notRankable(), tally.rankings()), tally.goldTasks(), labelerGoldTau,
					labelerGoldTau != null && labelerGoldTau < goldTauThreshold, tally.excluded(),
					tally.exclusionReason(), names.get(tally.userId()), labelerPositions,
					labelerPositions.significant()));
		}
		report
			.sort(Comparator.comparingLong(LabelerQuality::rankings).reversed().thenComparing(LabelerQuality::labeler));
		return new QualityReport(agreement.value(), goldTauThreshold, PositionBiasReport.of(bias), report);
	}

	/**
	 * The agreements of one prompt's rankings by labelers in good standing, and every
	 * ranking's tau against the consensus of those others.
	 */
	private static void addPrompt(List<SubmittedRanking> rankings, Set<String> excluded, Mean agreement,
			Map<String, Mean> tau) {
		List<SubmittedRanking> counted = rankings.stream().filter(r -> !excluded.contains(r.labeler())).toList();
		addAgreements(counted, agreement);
		addTaus(rankings, counted, tau);
	}

	/** Every pair of rankings of the prompt counts once. */
	private static void addAgreements(List<SubmittedRanking> rankings, Mean agreement) {
		for (int i = 0; i < rankings.size(); i++) {
			for (int j = i + 1; j < rankings.size(); j++) {
				agreement.add(Agreement.pairwise(rankings.get(i).tiers(), rankings.get(j).tiers()));
			}
		}
	}

	/**
	 * Each ranking against the consensus of the counted others (a labeler ranks a prompt
	 * at most once).
	 */
	private static void addTaus(List<SubmittedRanking> rankings, List<SubmittedRanking> counted,
			Map<String, Mean> tau) {
		for (SubmittedRanking ranking : rankings) {
			List<Tiers> others = counted.stream()
				.filter(other -> !other.labeler().equals(ranking.labeler()))
				.map(SubmittedRanking::tiers)
				.toList();
			if (!others.isEmpty()) {
				tau.computeIfAbsent(ranking.labeler(), labeler -> new Mean())
					.add(Agreement.kendallTauB(ranking.tiers(), RankedPairs.consensus(others)));
			}
		}
	}

	/**
	 * Each labeler's mean tau-b against the gold rankings of the gold prompts they
	 * ranked.
	 */
	private Map<String, Mean> goldTaus(long projectId) {
		Map<Long, List<List<Long>>> gold = goldRankings.of(projectId);
		Map<String, Mean> goldTau = new HashMap<>();
		if (gold.isEmpty()) {
			return goldTau;
		}
		try (Stream<SubmittedRanking> rankings = submitted.goldOf(projectId)) {
			rankings.forEachOrdered(ranking -> {
				List<List<Long>> known = gold.get(ranking.promptId());
				if (known != null) {
					goldTau.computeIfAbsent(ranking.labeler(), labeler -> new Mean())
						.add(Agreement.kendallTauB(ranking.tiers(), new Tiers(known)));
				}
			});
		}
		return goldTau;
	}

	private static Double share(long part, long whole) {
		return whole == 0 ? null : (double) part / whole;
	}

}
