package org.ranklab.prompt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The texts of a project's prompts and candidates, for the modules that read them with
 * rankings (export, quality, training): the way into the {@code prompts} and
 * {@code candidates} tables from outside this module.
 * <p>
 * The prompts come in the order of the ids asked for, which a caller takes from the
 * rankings it reads alongside, so that it can walk both like a merge join and each text
 * crosses the wire once. The ids are consumed lazily, {@link #BATCH} at a time, and each
 * batch is read through a server-side cursor, so memory holds one fetch whatever the
 * project's size. Read inside a transaction (REPEATABLE READ to share a snapshot with
 * other reads), and close the stream.
 */
@Component
public class PromptTexts {

	/** Prompt ids per query. */
	static final int BATCH = 1000;

	/** Candidate rows per round trip. */
	static final int FETCH_SIZE = 1000;

	private final JdbcTemplate cursor;

	PromptTexts(DataSource dataSource) {
		this.cursor = new JdbcTemplate(dataSource);
		this.cursor.setFetchSize(FETCH_SIZE);
	}

	/**
	 * The project's prompts with these ids, in that order, each with its candidates; ids
	 * of prompts that do not exist or belong to another project are passed over.
	 * @param promptIds ascending; closed with the returned stream
	 */
	public Stream<PromptText> of(long projectId, Stream<Long> promptIds) {
		Batches batches = new Batches(projectId, promptIds.iterator());
		return StreamSupport
			.stream(Spliterators.spliteratorUnknownSize(batches, Spliterator.ORDERED | Spliterator.NONNULL), false)
			.onClose(batches::close)
			.onClose(promptIds::close);
	}

	/** Candidate rows of one batch of prompts, ordered by prompt id, then position. */
	private Stream<Row> rows(long projectId, List<Long> promptIds) {
		return cursor.queryForStream("""
				SELECT p.id, p.external_id, p.text, p.messages::text, p.meta::text, c.id, c.text, c.model, c.meta::text
				FROM prompts p JOIN candidates c ON c.prompt_id = p.id
				WHERE p.id = ANY (?) AND p.project_id = ?
				ORDER BY p.id, c.position""", PromptTexts::row, promptIds.toArray(Long[]::new), projectId);
	}

	private record Row(long promptId, String externalId, String text, String messages, String meta,
			PromptText.Candidate candidate) {
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				new PromptText.Candidate(rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9)));
	}

	/** Groups the rows of one batch after another into prompts. */
	private final class Batches implements Iterator<PromptText> {

		private final long projectId;

		private final Iterator<Long> promptIds;

		private Stream<Row> batch;

		private Iterator<Row> rows;

		private Row next;

		Batches(long projectId, Iterator<Long> promptIds) {
			this.projectId = projectId;
			this.promptIds = promptIds;
		}

		@Override
		public boolean hasNext() {
			while (next == null) {
				if (rows != null && rows.hasNext()) {
					next = rows.next();
				}
				else if (!openNextBatch()) {
					return false;
				}
			}
			return true;
		}

		@Override
		public PromptText next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			Row first = next;
			List<PromptText.Candidate> candidates = new ArrayList<>();
			candidates.add(first.candidate());
			next = null;
			while (rows.hasNext()) {
				Row row = rows.next();
				if (row.promptId() != first.promptId()) {
					next = row;
					break;
				}
				candidates.add(row.candidate());
			}
			return new PromptText(first.promptId(), first.externalId(), first.text(),
					Conversations.fromJson(first.messages()), first.meta(), candidates);
		}

		private boolean openNextBatch() {
			close();
			List<Long> ids = new ArrayList<>(BATCH);
			while (ids.size() < BATCH && promptIds.hasNext()) {
				ids.add(promptIds.next());
			}
			if (ids.isEmpty()) {
				return false;
			}
			batch = rows(projectId, ids);
			rows = batch.iterator();
			return true;
		}

		void close() {
			if (batch != null) {
				batch.close();
				batch = null;
				rows = null;
			}
		}

	}

}
