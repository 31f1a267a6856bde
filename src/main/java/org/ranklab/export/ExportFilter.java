package org.ranklab.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.ranklab.labeling.SubmittedRankings.Excluded;
import org.ranklab.web.InvalidInputException;

/**
 * Which rankings of a project an export reads.
 *
 * @param since only what changed at or after this instant: rankings created since then,
 * or for the consensus exports the prompts that received a ranking since then (with the
 * consensus over all their rankings); {@code null} for everything
 * @param excluded whether the rankings of labelers excluded from the project are read
 */
record ExportFilter(long projectId, Instant since, Excluded excluded) {

	/**
	 * Reads {@code since} as an ISO-8601 instant, date-time with offset, or date
	 * (midnight UTC), and {@code include_excluded} as {@code true} or {@code false}
	 * (absent: false).
	 */
	static ExportFilter of(long projectId, String since, String includeExcluded) {
		return new ExportFilter(projectId, since == null || since.isBlank() ? null : parseSince(since.strip()),
				excluded(includeExcluded));
	}

	private static Excluded excluded(String includeExcluded) {
		if (includeExcluded == null || includeExcluded.isBlank()) {
			return Excluded.LEFT_OUT;
		}
		return switch (includeExcluded.strip().toLowerCase(Locale.ROOT)) {
			case "true" -> Excluded.INCLUDED;
			case "false" -> Excluded.LEFT_OUT;
			default -> throw InvalidInputException.ofField("include_excluded", "must be true or false");
		};
	}

	private static Instant parseSince(String since) {
		try {
			return OffsetDateTime.parse(since).toInstant();
		}
		catch (DateTimeParseException notDateTime) {
			try {
				return LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			catch (DateTimeParseException notDate) {
				String shown = since.length() > 40 ? since.substring(0, 40) + "…" : since;
				throw InvalidInputException.ofField("since",
						"'" + shown + "' is not an ISO-8601 timestamp such as 2025-01-31T12:00:00Z");
			}
		}
	}

}
