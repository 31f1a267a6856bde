package org.ranklab.export;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;

/**
 * {@code <project>-<kind>-<date>.jsonl}, safe on every file system and in a
 * {@code Content-Disposition} header: the project name reduced to lower-case ASCII
 * letters, digits and dashes.
 */
final class ExportFileName {

	private static final int MAX_NAME = 60;

	private ExportFileName() {
	}

	static String of(long projectId, String projectName, String kind, LocalDate date) {
		String ascii = Normalizer.normalize(projectName, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.length() > MAX_NAME) {
			slug = slug.substring(0, MAX_NAME).replaceAll("-+$", "");
		}
		if (slug.isEmpty()) {
			slug = "project-" + projectId;
		}
		return slug + "-" + kind + "-" + date + ".jsonl";
	}

}
