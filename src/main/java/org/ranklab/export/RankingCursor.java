package org.ranklab.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;

/**
 * Rankings read in prompt order and handed out one prompt at a time, so that whatever is
 * computed per prompt (consensus, agreement) holds only that prompt's rankings.
 */
final class RankingCursor {

	/** Which rankings of the project an export reads. */
	enum Selection {

		/** Every submitted ranking, not-rankable verdicts included. */
		ALL,

		/** Rankings that order candidates: not-rankable verdicts are left out. */
		RANKABLE,

		/**
		 * Rankable rankings of the prompts that received one since the filter's instant
		 * (all of them).
		 */
		PROMPTS_CHANGED

	}

	private final ResultSet rows;

	private final Counter rowsRead;

	private boolean hasRow;

	private RankingCursor(ResultSet rows, Counter rowsRead) throws SQLException {
		this.rows = rows;
		this.rowsRead = rowsRead;
		this.hasRow = rows.next();
	}

	static RankingCursor open(ExportSnapshot snapshot, ExportFilter filter, Selection selection, Counter rowsRead)
			throws SQLException {
		StringBuilder sql = new StringBuilder(
				"""
						SELECT r.prompt_id, r.id, r.tiers::text, r.scores::text, r.not_rankable, l.pseudonym::text, r.created_at,
						       r.comment
						FROM rankings r JOIN labelers l ON l.user_id = r.user_id
						WHERE r.project_id = ?""");
		if (selection != Selection.ALL) {
			sql.append(" AND NOT r.not_rankable AND r.tiers IS NOT NULL");
		}
		List<Object> params = new ArrayList<>(List.of(filter.projectId()));
		if (filter.since() != null) {
			sql.append(selection == Selection.PROMPTS_CHANGED
					? " AND EXISTS (SELECT 1 FROM rankings n WHERE n.prompt_id = r.prompt_id AND n.created_at >= ?"
							+ " AND NOT n.not_rankable AND n.tiers IS NOT NULL)"
					: " AND r.created_at >= ?");
			params.add(PromptCursor.timestamp(filter.since()));
		}
		sql.append(" ORDER BY r.prompt_id, r.id");
		return new RankingCursor(snapshot.cursor(sql.toString(), params.toArray()), rowsRead);
	}

	/** The rankings of the next prompt, oldest first; empty at the end. */
	List<StoredRanking> nextPrompt() throws SQLException {
		List<StoredRanking> rankings = new ArrayList<>();
		if (!hasRow) {
			return rankings;
		}
		long prompt = rows.getLong(1);
		while (hasRow && rows.getLong(1) == prompt) {
			rankings.add(read(prompt));
			rowsRead.increment();
			hasRow = rows.next();
		}
		return rankings;
	}

	private StoredRanking read(long prompt) throws SQLException {
		String tiers = rows.getString(3);
		return new StoredRanking(rows.getLong(2), prompt, tiers == null ? null : Tiers.parse(tiers), rows.getString(4),
				rows.getBoolean(5), rows.getString(6), rows.getObject(7, OffsetDateTime.class).toInstant(),
				rows.getString(8));
	}

}
