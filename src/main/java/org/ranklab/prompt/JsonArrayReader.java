package org.ranklab.prompt;

import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON array of records, read element by element with the streaming parser. A record's
 * "line" is its index + 1. Broken JSON ends the reading: nothing after it can be trusted.
 */
final class JsonArrayReader implements RecordReader {

	private final JsonMapper json;

	JsonArrayReader(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void read(StrictUtf8Reader body, Consumer<ImportRecord> records, ImportProblems problems) {
		long element = 1;
		RecordSizeLimit limited = new RecordSizeLimit(body);
		try (JsonParser parser = json.createParser(limited)) {
			JsonToken token = parser.nextToken();
			if (token == null) {
				return;
			}
			if (token != JsonToken.START_ARRAY) {
				problems.add(1, null, "a JSON body must be an array of records; "
						+ "for one record per line send application/x-ndjson");
				return;
			}
			for (token = nextElement(parser, limited); token != JsonToken.END_ARRAY; token = nextElement(parser,
					limited)) {
				if (token == null) {
					problems.add(element, null, "the array is not closed with ]");
					return;
				}
				JsonNode node = parser.readValueAsTree();
				JsonRecords.read(node, element++, problems).ifPresent(records);
			}
			if (parser.nextToken() != null) {
				problems.add(element, null, "unexpected content after the closing ] of the array");
			}
		}
		catch (InvalidUtf8Exception e) {
			problems.add(element, null, e.getMessage());
		}
		catch (RecordSizeLimit.RecordTooLargeException e) {
			problems.add(element, null, "record " + element + " is " + e.getMessage());
		}
		catch (JacksonException e) {
			problems.add(element, null, JsonRecords.malformed(e, true));
		}
	}

	private static JsonToken nextElement(JsonParser parser, RecordSizeLimit limited) {
		limited.startRecord();
		return parser.nextToken();
	}

}
