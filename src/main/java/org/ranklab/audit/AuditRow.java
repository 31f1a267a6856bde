package org.ranklab.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * An audit entry as the page shows it: one line per changed field, from what to what.
 */
record AuditRow(AuditEntry entry, List<Change> changes) {

	/** Longer values are cut on the page; the API gives them whole. */
	static final int SHOWN_CHARACTERS = 300;

	/**
	 * @param before {@code null} when the field had no value before (a creation)
	 */
	record Change(String field, String before, String after) {
	}

	static AuditRow of(AuditEntry entry) {
		Set<String> fields = new LinkedHashSet<>(entry.before().propertyNames());
		fields.addAll(entry.after().propertyNames());
		List<Change> changes = new ArrayList<>();
		for (String field : fields) {
			changes.add(new Change(field, text(entry.before().path(field)), text(entry.after().path(field))));
		}
		return new AuditRow(entry, changes);
	}

	private static String text(JsonNode value) {
		if (value.isMissingNode()) {
			return null;
		}
		String text = value.isNull() ? "none"
				: value.isArray() ? value.valueStream().map(AuditRow::text).collect(Collectors.joining(", ", "[", "]"))
						: value.isString() ? value.asString() : value.toString();
		return text.length() <= SHOWN_CHARACTERS ? text : text.substring(0, SHOWN_CHARACTERS) + "…";
	}

}
