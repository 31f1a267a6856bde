package org.ranklab.prompt;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.UncategorizedSQLException;

/**
 * Stores checked records in batches with {@code COPY}: per batch, the records whose
 * {@code external_id} the project (or an earlier record of the same import) already has
 * are skipped, prompt ids are reserved from the sequence so candidates can point at them,
 * and both tables are loaded, then the batch's ready prompts are announced
 * ({@link PromptsReady}). Runs inside the import's transaction, so a later error rolls
 * every batch back. Holds at most one batch in memory.
 */
final class PromptBatchWriter {

	static final int BATCH_RECORDS = 2_000;

	static final long BATCH_CHARS = 16_000_000;

	private static final String COPY_PROMPTS = "COPY prompts (id, project_id, external_id, text, meta, ready_at, gold, messages) FROM STDIN";

	private static final String COPY_CANDIDATES = "COPY candidates (prompt_id, position, text, model, meta) FROM STDIN";

	private final Connection connection;

	private final CopyManager copyManager;

	private final long projectId;

	private final String readyAt;

	private final ApplicationEventPublisher events;

	private final String promptSequence;

	private final List<ImportRecord> batch = new ArrayList<>();

	private long batchChars;

	private long imported;

	private long duplicates;

	private long waiting;

	/**
	 * {@code readyAt} is the transaction's {@code now()} as text: when prompts with
	 * candidates became ready.
	 */
	PromptBatchWriter(Connection connection, long projectId, String readyAt, ApplicationEventPublisher events) {
		try {
			this.connection = connection;
			this.copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
			this.projectId = projectId;
			this.readyAt = readyAt;
			this.events = events;
			this.promptSequence = single("SELECT pg_get_serial_sequence('prompts', 'id')");
		}
		catch (SQLException e) {
			throw failed("prepare the import", e);
		}
	}

	void add(ImportRecord record) {
		batch.add(record);
		batchChars += record.size();
		if (batch.size() >= BATCH_RECORDS || batchChars >= BATCH_CHARS) {
			flush();
		}
	}

	void flush() {
		if (batch.isEmpty()) {
			return;
		}
		try {
			List<ImportRecord> fresh = withoutDuplicates(batch);
			long[] ids = reservePromptIds(fresh.size());
			copyPrompts(fresh, ids);
			copyCandidates(fresh, ids);
			announceReady(fresh, ids);
		}
		catch (SQLException e) {
			throw failed("store prompts", e);
		}
		batch.clear();
		batchChars = 0;
	}

	ImportResult result() {
		return new ImportResult(imported, duplicates, waiting);
	}

	private List<ImportRecord> withoutDuplicates(List<ImportRecord> records) throws SQLException {
		Set<String> externalIds = new HashSet<>();
		for (ImportRecord record : records) {
			if (record.externalId() != null) {
				externalIds.add(record.externalId());
			}
		}
		Set<String> taken = externalIds.isEmpty() ? new HashSet<>() : storedExternalIds(externalIds);
		List<ImportRecord> fresh = new ArrayList<>(records.size());
		for (ImportRecord record : records) {
			if (record.externalId() == null || taken.add(record.externalId())) {
				fresh.add(record);
			}
			else {
				duplicates++;
			}
		}
		return fresh;
	}

	/**
	 * Those of the ids the project has, including rows this import stored in earlier
	 * batches.
	 */
	private Set<String> storedExternalIds(Set<String> externalIds) throws SQLException {
		String sql = "SELECT external_id FROM prompts WHERE project_id = ? AND external_id = ANY (?)";
		Set<String> stored = new HashSet<>();
		try (PreparedStatement select = connection.prepareStatement(sql)) {
			Array ids = connection.createArrayOf("text", externalIds.toArray());
			select.setLong(1, projectId);
			select.setArray(2, ids);
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					stored.add(rows.getString(1));
				}
			}
		}
		return stored;
	}

	private long[] reservePromptIds(int count) throws SQLException {
		long[] ids = new long[count];
		if (count == 0) {
			return ids;
		}
		try (PreparedStatement select = connection
			.prepareStatement("SELECT nextval(?::regclass) FROM generate_series(1, ?)")) {
			select.setString(1, promptSequence);
			select.setInt(2, count);
			try (ResultSet rows = select.executeQuery()) {
				for (int i = 0; rows.next(); i++) {
					ids[i] = rows.getLong(1);
				}
			}
		}
		return ids;
	}

	private void copyPrompts(List<ImportRecord> records, long[] ids) throws SQLException {
		if (records.isEmpty()) {
			return;
		}
		CopyRows rows = new CopyRows(copyManager.copyIn(COPY_PROMPTS));
		try {
			for (int i = 0; i < records.size(); i++) {
				ImportRecord record = records.get(i);
				rows.number(ids[i])
					.number(projectId)
					.text(record.externalId())
					.text(record.prompt())
					.text(record.meta())
					.text(record.waitsForGeneration() ? null : readyAt)
					.text(record.goldJson())
					.text(record.messagesJson());
				rows.endRow();
				if (record.waitsForGeneration()) {
					waiting++;
				}
			}
			imported += rows.finish();
		}
		catch (SQLException | RuntimeException e) {
			rows.cancel();
			throw e;
		}
	}

	private void copyCandidates(List<ImportRecord> records, long[] ids) throws SQLException {
		CopyRows rows = null;
		try {
			for (int i = 0; i < records.size(); i++) {
				List<ImportCandidate> candidates = records.get(i).candidates();
				for (int position = 0; position < candidates.size(); position++) {
					if (rows == null) {
						rows = new CopyRows(copyManager.copyIn(COPY_CANDIDATES));
					}
					ImportCandidate candidate = candidates.get(position);
					rows.number(ids[i])
						.number(position)
						.text(candidate.text())
						.text(candidate.model())
						.text(candidate.meta());
					rows.endRow();
				}
			}
			if (rows != null) {
				rows.finish();
			}
		}
		catch (SQLException | RuntimeException e) {
			if (rows != null) {
				rows.cancel();
			}
			throw e;
		}
	}

	/**
	 * Prompts that came with candidates are ready; the others wait for generation. Gold
	 * prompts always come with theirs.
	 */
	private void announceReady(List<ImportRecord> records, long[] ids) {
		List<Long> ready = new ArrayList<>(records.size());
		List<Long> gold = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			if (!records.get(i).waitsForGeneration()) {
				ready.add(ids[i]);
			}
			if (records.get(i).isGold()) {
				gold.add(ids[i]);
			}
		}
		if (!ready.isEmpty()) {
			events.publishEvent(new PromptsReady(projectId, ready, gold));
		}
	}

	private String single(String sql) throws SQLException {
		try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
			rows.next();
			return rows.getString(1);
		}
	}

	private static UncategorizedSQLException failed(String task, SQLException e) {
		return new UncategorizedSQLException(task, null, e);
	}

}
