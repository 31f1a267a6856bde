package org.ranklab.export;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import org.ranklab.export.QualityReport.LabelerQuality;
import org.ranklab.export.RankingCursor.Selection;

/**
 * How far labelers agree, and how each labeler compares with the others. Counts, shares
 * and medians come from SQL; agreement and Kendall's tau from one pass over the rankings,
 * prompt by prompt, so memory holds one prompt's rankings and one running sum per
 * labeler.
 */
@Service
class Quality {

	private final JdbcClient jdbc;

	private final Exports exports;

	Quality(JdbcClient jdbc, Exports exports) {
		this.jdbc = jdbc;
		this.exports = exports;
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

	QualityReport of(long projectId) throws SQLException {
		Mean agreement = new Mean();
		Map<String, Mean> tau = new HashMap<>();
		try {
			exports.read(new ExportFilter(projectId, null), Selection.RANKABLE, false, (prompt, rankings) -> {
				addAgreements(rankings, agreement);
				addTaus(rankings, tau);
			});
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException("the quality pass writes nothing", e);
		}
		List<LabelerQuality> labelers = new ArrayList<>();
		for (Tally tally : tallies(projectId)) {
			Mean labelerTau = tau.getOrDefault(tally.labeler(), new Mean());
			labelers
				.add(new LabelerQuality(tally.labeler(), tally.rankings(), labelerTau.value(), tally.medianSeconds(),
						tally.skips(), tally.notRankable(), share(tally.skips(), tally.skips() + tally.rankings()),
						share(tally.notRankable(), tally.rankings()), tally.username()));
		}
		labelers
			.sort(Comparator.comparingLong(LabelerQuality::rankings).reversed().thenComparing(LabelerQuality::labeler));
		return new QualityReport(agreement.value(), labelers);
	}

	/** Every pair of rankings of the prompt counts once. */
	private static void addAgreements(List<StoredRanking> rankings, Mean agreement) {
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
	private static void addTaus(List<StoredRanking> rankings, Map<String, Mean> tau) {
		if (rankings.size() < 2) {
			return;
		}
		for (StoredRanking ranking : rankings) {
			Tiers others = RankedPairs.consensus(rankings.stream()
				.filter(other -> !other.labeler().equals(ranking.labeler()))
				.map(StoredRanking::tiers)
				.toList());
			tau.computeIfAbsent(ranking.labeler(), labeler -> new Mean())
				.add(Agreement.kendallTauB(ranking.tiers(), others));
		}
	}

	private record Tally(String labeler, String username, long rankings, long notRankable, Double medianSeconds,
			long skips) {
	}

	/**
	 * Everyone who ranked or skipped in the project. Labelers get their pseudonym on
	 * their first ranking; one who has only skipped gets it here, so that they show up
	 * too.
	 */
	private List<Tally> tallies(long projectId) {
		jdbc.sql("""
				INSERT INTO labelers (user_id)
				SELECT DISTINCT user_id FROM assignments WHERE project_id = :project AND status = 'SKIPPED'
				ON CONFLICT (user_id) DO NOTHING""").param("project", projectId).update();
		return jdbc.sql("""
				WITH ranked AS (
				    SELECT user_id, count(*) AS rankings, count(*) FILTER (WHERE not_rankable) AS not_rankable,
				           percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds_on_task) AS median_seconds
				    FROM rankings WHERE project_id = :project GROUP BY user_id
				), skipped AS (
				    SELECT user_id, count(*) AS skips FROM assignments
				    WHERE project_id = :project AND status = 'SKIPPED' GROUP BY user_id
				)
				SELECT l.pseudonym::text AS labeler, u.username, coalesce(r.rankings, 0) AS rankings,
				       coalesce(r.not_rankable, 0) AS not_rankable, r.median_seconds, coalesce(s.skips, 0) AS skips
				FROM ranked r FULL JOIN skipped s ON s.user_id = r.user_id
				JOIN labelers l ON l.user_id = coalesce(r.user_id, s.user_id)
				JOIN users u ON u.id = l.user_id""")
			.param("project", projectId)
			.query((row, n) -> new Tally(row.getString("labeler"), row.getString("username"), row.getLong("rankings"),
					row.getLong("not_rankable"), row.getObject("median_seconds", Double.class), row.getLong("skips")))
			.list();
	}

	private static Double share(long part, long whole) {
		return whole == 0 ? null : (double) part / whole;
	}

}
