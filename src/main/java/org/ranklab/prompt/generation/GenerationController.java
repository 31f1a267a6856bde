package org.ranklab.prompt.generation;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.ranklab.user.RankLabUser;

@RestController
class GenerationController {

	private final Generation generation;

	GenerationController(Generation generation) {
		this.generation = generation;
	}

	/**
	 * Queues a job that generates candidates for every prompt of the project waiting for
	 * them.
	 */
	@PostMapping("/api/v1/projects/{id}/generation")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Map<String, String> start(@PathVariable long id, @RequestBody GenerationRequest request,
			@AuthenticationPrincipal RankLabUser user) {
		return Map.of("job_id", Long.toString(generation.start(id, request, user.id()).id()));
	}

}
