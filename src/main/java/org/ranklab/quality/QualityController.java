package org.ranklab.quality;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.ranklab.project.Projects;

/**
 * The quality report of the public API. ADMIN only (the security configuration's default
 * for {@code /api/**}).
 */
@RestController
@Tag(name = "Quality")
class QualityController {

	private final Projects projects;

	private final Quality quality;

	QualityController(Projects projects, Quality quality) {
		this.projects = projects;
		this.quality = quality;
	}

	@GetMapping("/api/v1/projects/{id}/quality")
	@Operation(summary = "Labeler agreement and quality",
			description = "pairwise_agreement: mean agreement over every pair of rankings of the same prompt. Per "
					+ "labeler: rankings submitted, kendall_tau (mean Kendall tau-b of their rankings against the "
					+ "ranked-pairs consensus of the other labelers' rankings of the same prompt), median_seconds on "
					+ "task, skips and not_rankable (counts) with skip_share (of rankings and skips) and "
					+ "not_rankable_share (of rankings); these are about regular prompts. gold_tasks: gold prompts "
					+ "ranked; gold_tau: mean Kendall tau-b of those rankings against the gold rankings (null without "
					+ "any); flagged: gold_tau below gold_tau_threshold. excluded (with exclusion_reason): an admin "
					+ "excluded the labeler; their rankings are left out of pairwise_agreement and of the others' "
					+ "consensus.")
	@ApiResponse(responseCode = "400", description = "gold_tau_threshold is not a number from -1 to 1")
	@ApiResponse(responseCode = "403", description = "not an admin")
	@ApiResponse(responseCode = "404", description = "no such project")
	QualityReport quality(@PathVariable long id,
			@Parameter(description = "flag labelers whose gold_tau is below this (-1 to 1, default "
					+ Quality.DEFAULT_GOLD_TAU_THRESHOLD + ")") @RequestParam(name = "gold_tau_threshold",
							required = false) String goldTauThreshold) {
		projects.get(id);
		return quality.of(id, GoldTauThreshold.parse(goldTauThreshold));
	}

}
