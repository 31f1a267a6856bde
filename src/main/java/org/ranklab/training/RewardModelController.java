package org.ranklab.training;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

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
import org.ranklab.training.engine.HuggingFaceExport;
import org.ranklab.web.InvalidInputException;
import org.ranklab.user.RankLabUser;

/**
 * Reward models: metadata and artifact (ADMIN), scoring (admins, and labelers of projects
 * with {@code labelers_may_score}; the security configuration lets any signed-in user
 * reach the two score paths, the project decides).
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
	 * for its format. With {@code format=hf}, a Hugging Face style model directory
	 * instead ({@link HuggingFaceExport}), written as it is made: it holds every weight
	 * of the encoder, some 50 to 90 MB.
	 */
	@GetMapping("/api/v1/reward-models/{id}/artifact")
	@Operation(summary = "Download the model: RankLab's zip, or with format=hf a Hugging Face style directory",
			description = "format=hf: config.json, model.safetensors, tokenizer.json and README.md (how to compute "
					+ "a score from them); only for finetuned models.")
	@ApiResponse(responseCode = "400", description = "an unknown format, or format=hf for another architecture")
	ResponseEntity<byte[]> artifact(@PathVariable long id, @RequestParam(required = false) String format,
			HttpServletResponse response) throws IOException {
		if (format == null) {
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("application/zip"))
				.header(HttpHeaders.CONTENT_DISPOSITION, attachment("reward-model-" + id + ".zip"))
				.body(models.artifact(id));
		}
		if (!"hf".equals(format)) {
			throw InvalidInputException.ofField("format", "must be absent or \"hf\"");
		}
		byte[] stored = models.huggingFaceSource(id);
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment("reward-model-" + id + "-hf.zip"));
		HuggingFaceExport.write(stored, response.getOutputStream());
		// written: nothing left for Spring to send
		return null;
	}

	private static String attachment(String filename) {
		return ContentDisposition.attachment().filename(filename).build().toString();
	}

	/**
	 * One prompt's responses ({@code {"scores": [...]}}) or, with {@code items}, several
	 * prompts' ({@code {"items": [{"scores": [...]}, ...]}}).
	 */
	@PostMapping("/api/v1/reward-models/{id}/score")
	@Operation(summary = "Score responses with the model: one prompt, or a batch of prompts",
			description = "Admins, and labelers of projects with labelers_may_score. Body {\"prompt\", "
					+ "\"responses\": [...]} answers {\"scores\": [...]}; body {\"items\": [{\"prompt\", "
					+ "\"responses\": [...]}, ...]} answers {\"items\": [{\"scores\": [...]}, ...]}. Limits: "
					+ "ranklab.scoring.max-items, max-responses-per-item, max-text-chars.")
	@ApiResponse(responseCode = "400",
			description = "invalid request; errors name each field, e.g. " + "items[3].responses[2]")
	@ApiResponse(responseCode = "403", description = "a labeler, where the project does not let labelers score")
	@ApiResponse(responseCode = "404", description = "no such model")
	Map<String, Object> score(@PathVariable long id, @RequestBody ScoreRequest request,
			@AuthenticationPrincipal RankLabUser user) {
		checkMayScore(models.projectOf(id), user);
		return scored(request, models.score(id, request));
	}

	/** The same with the project's newest model; {@code 404} when it has none. */
	@PostMapping("/api/v1/projects/{id}/reward-model/score")
	Map<String, Object> scoreWithNewest(@PathVariable long id, @RequestBody ScoreRequest request,
			@AuthenticationPrincipal RankLabUser user) {
		checkMayScore(id, user);
		return scored(request, models.score(models.newest(id), request));
	}

	private static Map<String, Object> scored(ScoreRequest request, List<double[]> scores) {
		if (request.batch()) {
			return Map.of("items", scores.stream().map(item -> Map.of("scores", item)).toList());
		}
		return Map.of("scores", scores.get(0));
	}

	/**
	 * A model is its project's: admins score with it; labelers only where the project
	 * lets them and they may label it ({@code 403} otherwise).
	 */
	private void checkMayScore(long projectId, RankLabUser user) {
		// an admin may score with every model: no need to read the project on each call
		if (!user.isAdmin()) {
			access.checkMayScore(projects.get(projectId), user);
		}
	}

}
