package org.ranklab.prompt;

import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON object per line; blank lines are skipped, and every bad line is reported, not
 * just the first.
 */
final class NdjsonReader implements RecordReader {

	private final JsonMapper json;

	NdjsonReader(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void read(StrictUtf8Reader body, Consumer<ImportRecord> records, ImportProblems problems) {
		LineReader lines = new LineReader(body, MAX_RECORD_CHARS);
		for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
			if (line.problem() != null) {
				problems.add(line.number(), null, line.problem());
				continue;
			}
			if (line.text().isBlank()) {
				continue;
			}
			JsonNode node;
			try {
				node = json.readTree(line.text());
			}
			catch (JacksonException e) {
				problems.add(line.number(), null, JsonRecords.malformed(e, false));
				continue;
			}
			JsonRecords.read(node, line.number(), problems).ifPresent(records);
		}
	}

}
