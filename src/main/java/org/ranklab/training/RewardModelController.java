package org.ranklab.training;

import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.ranklab.project.ProjectAccessPolicy;
import org.ranklab.project.Projects;
import org.ranklab.user.RankLabUser;

/**
 * Reward models: metadata and artifact (ADMIN), scoring (any authenticated user, as the
 * security configuration allows for the two score paths).
 */
@RestController
class RewardModelController {

	private final RewardModels models;

	private final Projects projects;

	private final ProjectAccessPolicy access;

	RewardModelController(RewardModels models, Projects projects, ProjectAccessPolicy access) {
		this.models = models;
		this.projects = projects;
		this.access = access;
	}

	@GetMapping("/api/v1/projects/{id}/reward-models")
	List<RewardModelInfo> list(@PathVariable long id, @RequestParam(defaultValue = "20") int limit) {
		return models.recent(id, Math.max(1, Math.min(100, limit)));
	}

	@GetMapping("/api/v1/reward-models/{id}")
	RewardModelInfo get(@PathVariable long id) {
		return models.get(id);
	}

	/**
	 * The zip that loads without the server ({@code RewardModel.load}); see the README
	 * for its format.
	 */
	@GetMapping("/api/v1/reward-models/{id}/artifact")
	ResponseEntity<byte[]> artifact(@PathVariable long id) {
		byte[] zip = models.artifact(id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("reward-model-" + id + ".zip").build().toString())
			.body(zip);
	}

	@PostMapping("/api/v1/reward-models/{id}/score")
	Map<String, double[]> score(@PathVariable long id, @RequestBody ScoreRequest request,
			@AuthenticationPrincipal RankLabUser user) {
		checkMayLabel(Long.parseLong(models.get(id).projectId()), user);
		return Map.of("scores", models.score(id, request));
	}

	/** The same with the project's newest model; {@code 404} when it has none. */
	@PostMapping("/api/v1/projects/{id}/reward-model/score")
	Map<String, double[]> scoreWithNewest(@PathVariable long id, @RequestBody ScoreRequest request,
			@AuthenticationPrincipal RankLabUser user) {
		checkMayLabel(id, user);
		return Map.of("scores", models.score(models.newest(id), request));
	}

	/**
	 * A model is its project's: a labeler who may not label a project for members only
	 * may not score with it either ({@code 403}).
	 */
	private void checkMayLabel(long projectId, RankLabUser user) {
		access.checkMayLabel(projects.get(projectId), user);
	}

}
