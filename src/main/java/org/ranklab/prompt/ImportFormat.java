package org.ranklab.prompt;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

/** The file formats an import accepts, recognised by media type or file name. */
enum ImportFormat {

	NDJSON, JSON_ARRAY, CSV;

	static final MediaType APPLICATION_NDJSON = MediaType.parseMediaType("application/x-ndjson");

	static final List<MediaType> SUPPORTED = List.of(APPLICATION_NDJSON, MediaType.APPLICATION_JSON,
			MediaType.parseMediaType("text/csv"), MediaType.MULTIPART_FORM_DATA);

	static Optional<ImportFormat> of(MediaType type) {
		return Optional.ofNullable(switch (type.getType() + "/" + type.getSubtype()) {
			case "application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines",
					"application/jsonlines" ->
				NDJSON;
			case "application/json" -> JSON_ARRAY;
			case "text/csv" -> CSV;
			default -> null;
		});
	}

	static Optional<ImportFormat> ofFileName(String name) {
		String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
			return Optional.of(NDJSON);
		}
		if (lower.endsWith(".json")) {
			return Optional.of(JSON_ARRAY);
		}
		if (lower.endsWith(".csv")) {
			return Optional.of(CSV);
		}
		return Optional.empty();
	}

	RecordReader reader(JsonMapper json) {
		return switch (this) {
			case NDJSON -> new NdjsonReader(json);
			case JSON_ARRAY -> new JsonArrayReader(json);
			case CSV -> new CsvReader();
		};
	}

}
