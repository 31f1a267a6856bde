package org.ranklab.prompt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * RFC 4180 CSV with a header of {@code prompt}, {@code candidate_1} … {@code candidate_9}
 * and an optional {@code external_id}. A record's line is the physical line it starts on
 * (the header is line 1), so quoted fields spanning lines do not shift the numbers. Empty
 * candidate cells at the end of a row are absent, so a row may have fewer candidates than
 * the header has columns; a row with none waits for generation.
 */
final class CsvReader implements RecordReader {

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

	private static final String COLUMNS = "prompt, candidate_1 … candidate_9 and external_id";

	/** Where each wanted value sits in a row. */
	private record Header(int columns, int prompt, int externalId, List<Integer> candidates) {
	}

	@Override
	public void read(StrictUtf8Reader body, Consumer<ImportRecord> records, ImportProblems problems) {
		long line = 1;
		RecordSizeLimit limited = new RecordSizeLimit(body);
		try (CSVParser parser = FORMAT.parse(limited)) {
			Iterator<CSVRecord> rows = parser.iterator();
			Header header = rows.hasNext() ? header(rows.next(), problems) : null;
			if (header == null) {
				return;
			}
			while (true) {
				line = parser.getCurrentLineNumber() + 1;
				limited.startRecord();
				if (!rows.hasNext()) {
					return;
				}
				CSVRecord row = rows.next();
				if (row.size() == 1 && row.get(0).isEmpty()) {
					continue;
				}
				if (row.size() != header.columns()) {
					problems.add(line, null, row.size() + " fields, but the header has " + header.columns());
					continue;
				}
				records.accept(record(row, line, header));
			}
		}
		catch (InvalidUtf8Exception e) {
			problems.add(e.line(), null, e.getMessage());
		}
		catch (RecordSizeLimit.RecordTooLargeException e) {
			// A quote left open reads on to the end of the body: nothing after it can be
			// trusted.
			problems.add(line, null, "the record starting here is " + e.getMessage() + " (is a quote left open?)");
		}
		catch (UncheckedIOException e) {
			problems.add(line, null, "malformed CSV: " + rootMessage(e));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Header header(CSVRecord row, ImportProblems problems) {
		int prompt = -1;
		int externalId = -1;
		Integer[] candidates = new Integer[10];
		long before = problems.count();
		for (int column = 0; column < row.size(); column++) {
			String name = row.get(column).strip().toLowerCase(Locale.ROOT);
			int candidate = candidateNumber(name);
			boolean repeated = name.equals("prompt") && prompt >= 0 || name.equals("external_id") && externalId >= 0
					|| candidate > 0 && candidates[candidate] != null;
			if (repeated) {
				problems.add(1, name, "column '" + name + "' appears twice in the header");
			}
			else if (name.equals("prompt")) {
				prompt = column;
			}
			else if (name.equals("external_id")) {
				externalId = column;
			}
			else if (candidate > 0) {
				candidates[candidate] = column;
			}
			else if (name.equals("messages")) {
				problems.add(1, "messages",
						"conversations (messages) cannot be imported from CSV; use NDJSON or a JSON "
								+ "array with \"messages\": [{\"role\", \"content\"}, ...]");
			}
			else {
				problems.add(1, row.get(column),
						"unknown column '" + row.get(column) + "'; the columns are " + COLUMNS);
			}
		}
		if (prompt < 0) {
			problems.add(1, "prompt", "the header has no 'prompt' column; the columns are " + COLUMNS);
		}
		if (problems.count() > before) {
			return null;
		}
		List<Integer> candidateColumns = new ArrayList<>();
		for (Integer column : candidates) {
			if (column != null) {
				candidateColumns.add(column);
			}
		}
		return new Header(row.size(), prompt, externalId, candidateColumns);
	}

	/** 1 to 9 for {@code candidate_1} … {@code candidate_9}, otherwise 0. */
	private static int candidateNumber(String name) {
		if (name.length() == "candidate_1".length() && name.startsWith("candidate_")) {
			char digit = name.charAt(name.length() - 1);
			return digit >= '1' && digit <= '9' ? digit - '0' : 0;
		}
		return 0;
	}

	private static ImportRecord record(CSVRecord row, long line, Header header) {
		List<String> texts = new ArrayList<>(header.candidates().size());
		for (int column : header.candidates()) {
			texts.add(row.get(column));
		}
		while (!texts.isEmpty() && texts.get(texts.size() - 1).isEmpty()) {
			texts.remove(texts.size() - 1);
		}
		String externalId = header.externalId() < 0 || row.get(header.externalId()).isEmpty() ? null
				: row.get(header.externalId());
		return new ImportRecord(line, externalId, row.get(header.prompt()), null, null,
				texts.stream().map(ImportCandidate::of).toList(), null);
	}

	private static String rootMessage(Throwable e) {
		Throwable cause = e;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause.getMessage();
	}

}
