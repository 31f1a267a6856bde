package org.ranklab.quality;

import java.util.ArrayList;
import java.util.Comparator;
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
import org.ranklab.labeling.SubmittedRankings.Selection;
import org.ranklab.quality.QualityReport.LabelerQuality;
import org.ranklab.ranking.Agreement;
import org.ranklab.ranking.RankedPairs;
import org.ranklab.ranking.Tiers;
import org.ranklab.user.Usernames;

/**
 * How far labelers agree, and how each labeler compares with the others. Counts, shares
 * and medians come from labeling's tallies; agreement and Kendall's tau from one pass
 * over the rankable rankings, prompt by prompt, so memory holds one prompt's rankings and
 * one running sum per labeler. Reads only: a labeler gets their pseudonym when they first
 * rank or skip.
 */
@Service
class Quality {

	private final SubmittedRankings submitted;

	private final Labelers labelers;

	private final Usernames usernames;

	Quality(SubmittedRankings submitted, Labelers labelers, Usernames usernames) {
		this.submitted = submitted;
		this.labelers = labelers;
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
	 * One snapshot for the pass and the tallies, so that both count the same rankings.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	QualityReport of(long projectId) {
		Mean agreement = new Mean();
		Map<String, Mean> tau = new HashMap<>();
		List<SubmittedRanking> prompt = new ArrayList<>();
		try (Stream<SubmittedRanking> rankings = submitted.of(projectId, Selection.RANKABLE, null)) {
			rankings.forEachOrdered(ranking -> {
				if (!prompt.isEmpty() && ranking.promptId() != prompt.get(0).promptId()) {
					addAgreements(prompt, agreement);
					addTaus(prompt, tau);
					prompt.clear();
				}
				prompt.add(ranking);
			});
		}
		addAgreements(prompt, agreement);
		addTaus(prompt, tau);
		List<Labelers.Tally> tallies = labelers.tallies(projectId);
		Map<Long, String> names = usernames.of(tallies.stream().map(Labelers.Tally::userId).toList());
		List<LabelerQuality> report = new ArrayList<>();
		for (Labelers.Tally tally : tallies) {
			Mean labelerTau = tau.getOrDefault(tally.labeler(), new Mean());
			report.add(new LabelerQuality(tally.labeler(), tally.rankings(), labelerTau.value(), tally.medianSeconds(),
					tally.skips(), tally.notRankable(), share(tally.skips(), tally.skips() + tally.rankings()),
					share(tally.notRankable(), tally.rankings()), names.get(tally.userId())));
		}
		report
			.sort(Comparator.comparingLong(LabelerQuality::rankings).reversed().thenComparing(LabelerQuality::labeler));
		return new QualityReport(agreement.value(), report);
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
	 * Each ranking against the consensus of the others (a labeler ranks a prompt at most
	 * once).
	 */
	private static void addTaus(List<SubmittedRanking> rankings, Map<String, Mean> tau) {
		if (rankings.size() < 2) {
			return;
		}
		for (SubmittedRanking ranking : rankings) {
			Tiers others = RankedPairs.consensus(rankings.stream()
				.filter(other -> !other.labeler().equals(ranking.labeler()))
				.map(SubmittedRanking::tiers)
				.toList());
			tau.computeIfAbsent(ranking.labeler(), labeler -> new Mean())
				.add(Agreement.kendallTauB(ranking.tiers(), others));
		}
	}

	private static Double share(long part, long whole) {
		return whole == 0 ? null : (double) part / whole;
	}

}
