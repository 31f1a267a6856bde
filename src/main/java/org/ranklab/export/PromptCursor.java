package org.ranklab.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The texts of the prompts an export needs, read in prompt order alongside a
 * {@link RankingCursor}: the export moves both forward together, like a merge join, so
 * each text crosses the wire once.
 */
final class PromptCursor {

	record Candidate(long id, String text, String model) {
	}

	record Prompt(long id, String externalId, String text, List<Candidate> candidates) {

		Candidate candidate(long id) {
			return candidates.stream()
				.filter(c -> c.id() == id)
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("candidate " + id + " is not one of prompt " + this.id));
		}

	}

	private final ResultSet rows;

	private boolean hasRow;

	private PromptCursor(ResultSet rows) throws SQLException {
		this.rows = rows;
		this.hasRow = rows.next();
	}

	/**
	 * Prompts with at least one ranking (since the filter's instant): a superset of any
	 * selection's prompts.
	 */
	static PromptCursor open(ExportSnapshot snapshot, ExportFilter filter) throws SQLException {
		String since = filter.since() == null ? "" : " AND r.created_at >= ?";
		String sql = """
				SELECT p.id, p.external_id, p.text, c.id, c.text, c.model
				FROM prompts p JOIN candidates c ON c.prompt_id = p.id
				WHERE p.project_id = ? AND EXISTS (SELECT 1 FROM rankings r WHERE r.prompt_id = p.id%s)
				ORDER BY p.id, c.position""".formatted(since);
		return new PromptCursor(filter.since() == null ? snapshot.cursor(sql, filter.projectId())
				: snapshot.cursor(sql, filter.projectId(), timestamp(filter.since())));
	}

	/** Moves forward to the prompt and returns it with its candidates. */
	Prompt seek(long promptId) throws SQLException {
		while (hasRow && rows.getLong(1) < promptId) {
			hasRow = rows.next();
		}
		if (!hasRow || rows.getLong(1) != promptId) {
			throw new IllegalStateException("prompt " + promptId + " has rankings but no candidates in this snapshot");
		}
		String externalId = rows.getString(2);
		String text = rows.getString(3);
		List<Candidate> candidates = new ArrayList<>();
		while (hasRow && rows.getLong(1) == promptId) {
			candidates.add(new Candidate(rows.getLong(4), rows.getString(5), rows.getString(6)));
			hasRow = rows.next();
		}
		return new Prompt(promptId, externalId, text, candidates);
	}

	/** JDBC takes instants as date-times with an offset. */
	static OffsetDateTime timestamp(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
