package org.ranklab.labeling;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.ranklab.web.InvalidInputException;

/**
 * Labeler exclusion of the public API. ADMIN only (the security configuration's default
 * for {@code /api/**}).
 */
@RestController
@RequestMapping("/api/v1/projects/{id}/exclusions/{labeler}")
@Tag(name = "Quality")
@ApiResponse(responseCode = "403", description = "not an admin")
@ApiResponse(responseCode = "404", description = "no such project or labeler")
class ExclusionController {

	static final int MAX_REASON_LENGTH = 1000;

	private static final String LABELER = "the labeler's stable pseudonym, as the quality report and the exports show it";

	private final Exclusions exclusions;

	ExclusionController(Exclusions exclusions) {
		this.exclusions = exclusions;
	}

	record ExclusionRequest(String reason) {
	}

	@PutMapping
	@Operation(summary = "Exclude a labeler from the project",
			description = "Their rankings stay stored but leave the exports (unless include_excluded=true), the "
					+ "consensus, the quality report's agreement and training; the prompts they ranked are handed "
					+ "out again until they have rankings_per_prompt rankings by other labelers. They get no more "
					+ "tasks in the project, and their open lease there is released. Again with another reason "
					+ "changes the reason.")
	@ApiResponse(responseCode = "200", description = "excluded")
	@ApiResponse(responseCode = "400", description = "no reason, or one over 1000 characters; errors name reason")
	Exclusions.Exclusion exclude(@PathVariable long id, @Parameter(description = LABELER) @PathVariable String labeler,
			@RequestBody(required = false) ExclusionRequest body) {
		return exclusions.exclude(id, labeler, reason(body));
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Include an excluded labeler again",
			description = "Their rankings count again everywhere; prompts that then have more than rankings_per_prompt "
					+ "rankings are complete. Nothing happens for a labeler who is not excluded.")
	@ApiResponse(responseCode = "204", description = "included")
	void include(@PathVariable long id, @Parameter(description = LABELER) @PathVariable String labeler) {
		exclusions.include(id, labeler);
	}

	private static String reason(ExclusionRequest body) {
		String reason = body == null || body.reason() == null ? "" : body.reason().strip();
		if (reason.isEmpty()) {
			throw InvalidInputException.ofField("reason", "is required: say why the labeler is excluded");
		}
		if (reason.length() > MAX_REASON_LENGTH) {
			throw InvalidInputException.ofField("reason", "must be at most " + MAX_REASON_LENGTH + " characters");
		}
		return reason;
	}

}
