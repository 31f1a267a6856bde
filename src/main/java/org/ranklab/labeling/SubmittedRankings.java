package org.ranklab.labeling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.ranklab.ranking.Tiers;

/**
 * The submitted rankings of a project, for the modules that read them (export, quality,
 * training): the only way into the {@code rankings} table from outside this module.
 * Rankings of gold prompts are never among them (only {@link #goldOf} reads those), and
 * those of labelers excluded from the project only when asked for.
 * <p>
 * The streams read through a server-side cursor ({@link #FETCH_SIZE} rows per round
 * trip), so that memory holds a batch whatever the project's size. They must be opened
 * inside the caller's transaction, which gives them the cursor and its snapshot: a caller
 * that opens several (rankings and their prompts' ids, or prompt texts from the prompt
 * module) reads them all in one REPEATABLE READ transaction and sees the same rows in
 * each. The caller closes them.
 */
@Component
public class SubmittedRankings {

	/**
	 * Rows per round trip: enough to keep the connection busy, few enough to keep the
	 * heap flat.
	 */
	public static final int FETCH_SIZE = 1000;

	/** Which rankings of the project to read. */
	public enum Selection {

		/** Every submitted ranking, not-rankable verdicts included. */
		ALL,

		/** Rankings that order candidates: not-rankable verdicts are left out. */
		RANKABLE,

		/**
		 * The rankable rankings of the prompts that received one at or after the given
		 * instant (all their rankings, older ones too).
		 */
		PROMPTS_CHANGED

	}

	/** Whether the rankings of labelers excluded from the project are read. */
	public enum Excluded {

		/** Left out, as every data set leaves them out. */
		LEFT_OUT,

		/** Read like everyone else's. */
		INCLUDED

	}

	private static final String COLUMNS = """
			r.prompt_id, r.id, r.tiers::text, r.scores::text, r.not_rankable, l.pseudonym::text, r.created_at,
			r.comment, r.presented_order, r.seconds_on_task, r.guidelines_version""";

	private static final String FROM = " FROM rankings r JOIN labelers l ON l.user_id = r.user_id";

	private static final String RANKABLE = " AND NOT r.not_rankable AND r.tiers IS NOT NULL";

	private static final String NOT_GOLD = notGold(":project");

	private static final String NOT_EXCLUDED = notExcluded(":project");

	private final JdbcTemplate cursor;

	private final JdbcClient jdbc;

	SubmittedRankings(DataSource dataSource, JdbcClient jdbc) {
		this.cursor = new JdbcTemplate(dataSource);
		this.cursor.setFetchSize(FETCH_SIZE);
		this.jdbc = jdbc;
	}

	/**
	 * The selected rankings in prompt order, then oldest first, without those of excluded
	 * labelers.
	 * @param since {@code null} for all; otherwise rankings created at or after it, or
	 * for {@link Selection#PROMPTS_CHANGED} the prompts that received one
	 */
	public Stream<SubmittedRanking> of(long projectId, Selection selection, Instant since) {
		return of(projectId, selection, since, Excluded.LEFT_OUT);
	}

	/**
	 * The selected rankings in prompt order, then oldest first.
	 * @param since {@code null} for all; otherwise rankings created at or after it, or
	 * for {@link Selection#PROMPTS_CHANGED} the prompts that received one
	 */
	public Stream<SubmittedRanking> of(long projectId, Selection selection, Instant since, Excluded excluded) {
		Where where = where(projectId, selection, since, excluded);
		return open("SELECT " + COLUMNS + FROM + where.sql() + " ORDER BY r.prompt_id, r.id", where,
				SubmittedRankings::ranking);
	}

	/**
	 * The ids of the prompts that {@link #of} with the same arguments reads, ascending,
	 * each once: what a reader of prompt texts needs to fetch alongside.
	 */
	public Stream<Long> promptIds(long projectId, Selection selection, Instant since) {
		return promptIds(projectId, selection, since, Excluded.LEFT_OUT);
	}

	/**
	 * The ids of the prompts that {@link #of} with the same arguments reads, ascending,
	 * each once: what a reader of prompt texts needs to fetch alongside.
	 */
	public Stream<Long> promptIds(long projectId, Selection selection, Instant since, Excluded excluded) {
		Where where = where(projectId, selection, since, excluded);
		return open("SELECT DISTINCT r.prompt_id FROM rankings r" + where.sql() + " ORDER BY r.prompt_id", where,
				(row, n) -> row.getLong(1));
	}

	/**
	 * The rankable rankings of the project's gold prompts, by every labeler, in prompt
	 * order: what quality checks labelers with against the gold rankings.
	 */
	public Stream<SubmittedRanking> goldOf(long projectId) {
		Where where = new Where(" WHERE r.project_id = ? AND r.prompt_id IN (SELECT g.prompt_id FROM prompt_slots g"
				+ " WHERE g.project_id = ? AND g.gold)" + RANKABLE, new Object[] { projectId, projectId });
		return open("SELECT " + COLUMNS + FROM + where.sql() + " ORDER BY r.prompt_id, r.id", where,
				SubmittedRankings::ranking);
	}

	/** The labeler's latest rankable rankings in the project, newest first. */
	public List<SubmittedRanking> latestOf(long projectId, String labeler, int limit) {
		return jdbc
			.sql("SELECT " + COLUMNS + FROM + " WHERE r.project_id = :project AND l.pseudonym::text = :labeler"
					+ RANKABLE + NOT_GOLD + " ORDER BY r.created_at DESC, r.id DESC LIMIT :limit")
			.param("project", projectId)
			.param("labeler", labeler)
			.param("limit", limit)
			.query(SubmittedRankings::ranking)
			.list();
	}

	/**
	 * The rankable rankings of these prompts of the project by everyone but the labeler
	 * and the labelers excluded from it.
	 */
	public List<SubmittedRanking> othersOf(long projectId, Collection<Long> promptIds, String labeler) {
		if (promptIds.isEmpty()) {
			return List.of();
		}
		return jdbc
			.sql("SELECT " + COLUMNS + FROM + " WHERE r.project_id = :project AND r.prompt_id IN (:prompts)"
					+ " AND l.pseudonym::text <> :labeler" + RANKABLE + NOT_GOLD + NOT_EXCLUDED
					+ " ORDER BY r.prompt_id, r.id")
			.param("project", projectId)
			.param("prompts", promptIds)
			.param("labeler", labeler)
			.query(SubmittedRankings::ranking)
			.list();
	}

	/**
	 * True when some ranking of the project's data set (no gold prompt, no excluded
	 * labeler) orders at least two candidates (two tiers or more).
	 */
	public boolean anyOrdersTwoCandidates(long projectId) {
		return exists(projectId, " AND NOT r.not_rankable AND jsonb_array_length(r.tiers) >= 2");
	}

	/** True when some rankable ranking of the project's data set carries scores. */
	public boolean anyScored(long projectId) {
		return exists(projectId, " AND NOT r.not_rankable AND r.tiers IS NOT NULL AND r.scores IS NOT NULL"
				+ " AND r.scores <> '{}'::jsonb");
	}

	private boolean exists(long projectId, String condition) {
		return jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM rankings r WHERE r.project_id = :project" + condition + NOT_GOLD
					+ NOT_EXCLUDED + ")")
			.param("project", projectId)
			.query(Boolean.class)
			.single();
	}

	private record Where(String sql, Object[] params) {
	}

	private static Where where(long projectId, Selection selection, Instant since, Excluded excluded) {
		StringBuilder sql = new StringBuilder(" WHERE r.project_id = ?");
		List<Object> params = new ArrayList<>(List.of(projectId));
		sql.append(notGold("?"));
		params.add(projectId);
		if (excluded == Excluded.LEFT_OUT) {
			sql.append(notExcluded("?"));
			params.add(projectId);
		}
		if (selection != Selection.ALL) {
			sql.append(RANKABLE);
		}
		if (since != null) {
			sql.append(selection == Selection.PROMPTS_CHANGED
					? " AND EXISTS (SELECT 1 FROM rankings n WHERE n.prompt_id = r.prompt_id AND n.created_at >= ?"
							+ " AND NOT n.not_rankable AND n.tiers IS NOT NULL)"
					: " AND r.created_at >= ?");
			params.add(since.atOffset(ZoneOffset.UTC));
		}
		return new Where(sql.toString(), params.toArray());
	}

	/**
	 * Not a ranking of a gold prompt. Uncorrelated, so that PostgreSQL hashes the
	 * project's few gold prompts once and filters each row against them, in the order of
	 * the rankings' index.
	 * @param project how the statement names the project's id: {@code ?} or a named
	 * parameter
	 */
	private static String notGold(String project) {
		return " AND r.prompt_id NOT IN (SELECT g.prompt_id FROM prompt_slots g WHERE g.project_id = " + project
				+ " AND g.gold)";
	}

	/** Not a ranking of an excluded labeler; hashed once, like {@link #notGold}. */
	private static String notExcluded(String project) {
		return " AND r.user_id NOT IN (SELECT x.user_id FROM labeler_exclusions x WHERE x.project_id = " + project
				+ ")";
	}

	private <T> Stream<T> open(String sql, Where where, RowMapper<T> rows) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException(
					"open submitted rankings inside a transaction: it holds their cursor and its snapshot");
		}
		return cursor.queryForStream(sql, rows, where.params());
	}

	private static SubmittedRanking ranking(ResultSet row, int rowNumber) throws SQLException {
		String tiers = row.getString(3);
		return new SubmittedRanking(row.getLong(2), row.getLong(1), tiers == null ? null : Tiers.parse(tiers),
				row.getString(4), row.getBoolean(5), row.getString(6),
				row.getObject(7, OffsetDateTime.class).toInstant(), row.getString(8),
				List.of((Long[]) row.getArray(9).getArray()), row.getDouble(10), row.getInt(11));
	}

}
