package org.ranklab.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import org.ranklab.export.LabelerReview.Candidate;
import org.ranklab.export.LabelerReview.ReviewedRanking;
import org.ranklab.web.NotFoundException;

/** Reads a labeler's latest rankings with what the others said about the same prompts. */
@Service
class LabelerReviews {

	static final int LATEST = 20;

	private final JdbcClient jdbc;

	LabelerReviews(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record Row(long rankingId, long promptId, String labeler, Tiers tiers) {
	}

	LabelerReview of(long projectId, String labeler) {
		if (!exists(labeler)) {
			throw new NotFoundException("labeler", labeler);
		}
		List<Row> latest = jdbc
			.sql("""
					SELECT r.id, r.prompt_id, l.pseudonym::text AS labeler, r.tiers::text AS tiers
					FROM rankings r JOIN labelers l ON l.user_id = r.user_id
					WHERE r.project_id = :project AND l.pseudonym::text = :labeler AND NOT r.not_rankable AND r.tiers IS NOT NULL
					ORDER BY r.created_at DESC, r.id DESC LIMIT :latest""")
			.param("project", projectId)
			.param("labeler", labeler)
			.param("latest", LATEST)
			.query(this::row)
			.list();
		List<Long> prompts = latest.stream().map(Row::promptId).toList();
		Map<Long, List<Row>> othersByPrompt = new HashMap<>();
		Map<Long, String> candidateTexts = new HashMap<>();
		Map<Long, String> promptTexts = new HashMap<>();
		if (!prompts.isEmpty()) {
			jdbc.sql("""
					SELECT r.id, r.prompt_id, l.pseudonym::text AS labeler, r.tiers::text AS tiers
					FROM rankings r JOIN labelers l ON l.user_id = r.user_id
					WHERE r.prompt_id IN (:prompts) AND l.pseudonym::text <> :labeler
					  AND NOT r.not_rankable AND r.tiers IS NOT NULL""")
				.param("prompts", prompts)
				.param("labeler", labeler)
				.query(this::row)
				.list()
				.forEach(other -> othersByPrompt.computeIfAbsent(other.promptId(), p -> new ArrayList<>()).add(other));
			jdbc.sql("SELECT id, text FROM candidates WHERE prompt_id IN (:prompts)")
				.param("prompts", prompts)
				.query(row -> {
					candidateTexts.put(row.getLong(1), row.getString(2));
				});
			jdbc.sql("SELECT id, text FROM prompts WHERE id IN (:prompts)").param("prompts", prompts).query(row -> {
				promptTexts.put(row.getLong(1), row.getString(2));
			});
		}
		List<ReviewedRanking> reviewed = latest.stream().map(ranking -> {
			List<Row> others = othersByPrompt.getOrDefault(ranking.promptId(), List.of());
			Tiers consensus = others.isEmpty() ? null : RankedPairs.consensus(others.stream().map(Row::tiers).toList());
			OptionalDouble tau = consensus == null ? OptionalDouble.empty()
					: Agreement.kendallTauB(ranking.tiers(), consensus);
			return new ReviewedRanking(Long.toString(ranking.rankingId()), Long.toString(ranking.promptId()),
					promptTexts.get(ranking.promptId()), withTexts(ranking.tiers(), candidateTexts),
					consensus == null ? null : withTexts(consensus, candidateTexts), others.size(),
					tau.isPresent() ? tau.getAsDouble() : null);
		}).toList();
		return new LabelerReview(labeler, reviewed);
	}

	private boolean exists(String labeler) {
		return jdbc.sql("SELECT count(*) FROM labelers WHERE pseudonym::text = :labeler")
			.param("labeler", labeler)
			.query(Long.class)
			.single() > 0;
	}

	private Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Row(rs.getLong("id"), rs.getLong("prompt_id"), rs.getString("labeler"),
				Tiers.parse(rs.getString("tiers")));
	}

	private static List<List<Candidate>> withTexts(Tiers tiers, Map<Long, String> texts) {
		return tiers.tiers()
			.stream()
			.map(tier -> tier.stream().map(id -> new Candidate(Long.toString(id), texts.get(id))).toList())
			.toList();
	}

}
