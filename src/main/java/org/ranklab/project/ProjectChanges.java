package org.ranklab.project;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A {@code PATCH} of a project: absent (null) fields stay as they are; empty guidelines
 * clear them.
 */
record ProjectChanges(
		@Size(max = 200, message = "must be at most 200 characters") @Pattern(regexp = "(?s).*\\S.*",
				message = "must not be blank") String name,
		@Size(max = 100_000, message = "must be at most 100000 characters") String guidelines,
		@Min(value = 1, message = "must be at least 1") @Max(value = 100,
				message = "must be at most 100") Integer rankingsPerPrompt,
		@Min(value = 1, message = "must be at least 1") @Max(value = 86_400,
				message = "must be at most 86400 (a day)") Integer leaseSeconds,
		ProjectAccess access,
		@DecimalMin(value = "0", message = "must be between 0 and 0.5") @DecimalMax(value = "0.5",
				message = "must be between 0 and 0.5") Double goldRate,
		AssignmentOrder assignmentOrder, Boolean labelersMayScore,
		@Min(value = 2, message = "must be between 2 and 9") @Max(value = 9,
				message = "must be between 2 and 9") Integer minCandidates,
		@Min(value = 2, message = "must be between 2 and 9") @Max(value = 9,
				message = "must be between 2 and 9") Integer maxCandidates,
		Boolean allowTies, Boolean collectScores, LabelLayout layout) {

	ProjectChanges {
		name = name == null ? null : name.strip();
		guidelines = guidelines == null ? null : guidelines.isBlank() ? "" : guidelines;
	}

	/**
	 * The fields given whose new value would change what stored rankings mean (api.md:
	 * refused once a ranking exists).
	 */
	List<String> changingMeaningOf(Project project) {
		var fields = new ArrayList<String>();
		if (minCandidates != null && minCandidates != project.minCandidates()) {
			fields.add("min_candidates");
		}
		if (maxCandidates != null && maxCandidates != project.maxCandidates()) {
			fields.add("max_candidates");
		}
		if (allowTies != null && allowTies != project.allowTies()) {
			fields.add("allow_ties");
		}
		if (collectScores != null && collectScores != project.collectScores()) {
			fields.add("collect_scores");
		}
		return fields;
	}

}
