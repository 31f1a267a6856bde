package org.ranklab.project;

import java.util.Objects;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.ranklab.web.InvalidInputException;

/** A project to create; absent settings take the documented defaults. */
record NewProject(
		@NotBlank(message = "must not be blank") @Size(max = 200,
				message = "must be at most 200 characters") String name,
		@Size(max = 100_000, message = "must be at most 100000 characters") String guidelines,
		@Min(value = 2, message = "must be between 2 and 9") @Max(value = 9,
				message = "must be between 2 and 9") Integer minCandidates,
		@Min(value = 2, message = "must be between 2 and 9") @Max(value = 9,
				message = "must be between 2 and 9") Integer maxCandidates,
		@Min(value = 1, message = "must be at least 1") @Max(value = 100,
				message = "must be at most 100") Integer rankingsPerPrompt,
		Boolean allowTies, Boolean collectScores, @Min(value = 1, message = "must be at least 1") @Max(value = 86_400,
				message = "must be at most 86400 (a day)") Integer leaseSeconds,
		LabelLayout layout) {

	NewProject {
		guidelines = guidelines == null || guidelines.isBlank() ? null : guidelines;
		minCandidates = Objects.requireNonNullElse(minCandidates, 4);
		maxCandidates = Objects.requireNonNullElse(maxCandidates, 9);
		rankingsPerPrompt = Objects.requireNonNullElse(rankingsPerPrompt, 3);
		allowTies = Objects.requireNonNullElse(allowTies, true);
		collectScores = Objects.requireNonNullElse(collectScores, false);
		leaseSeconds = Objects.requireNonNullElse(leaseSeconds, 900);
		layout = Objects.requireNonNullElse(layout, LabelLayout.LIST);
	}

	/** The rule bean validation cannot express on one field. */
	void checkCandidateRange() {
		if (minCandidates > maxCandidates) {
			throw InvalidInputException.ofField("max_candidates",
					"must be at least min_candidates (" + minCandidates + ")");
		}
	}

}
