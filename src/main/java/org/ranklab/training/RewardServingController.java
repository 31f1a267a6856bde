package org.ranklab.training;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import org.ranklab.training.engine.PromptResponses;
import org.ranklab.web.RequestBodyLimit;
import org.ranklab.web.SecretPath;

/**
 * Scores for a training loop that can send nothing but a URL (OpenRLHF's
 * {@code --remote_rm_url}): the reward-serving key in the path is the only credential,
 * and it scores with its own model only. The path is a {@link SecretPath}, masked
 * wherever a path is logged or echoed; the security configuration lets this path through
 * without other credentials, session or CSRF token.
 */
@RestController
class RewardServingController {

	static final String PATH = "/api/v1/reward-serving/";

	private final ServingKeys keys;

	private final RewardModels models;

	private final ScoringSettings limits;

	RewardServingController(ServingKeys keys, RewardModels models, ScoringSettings limits) {
		this.keys = keys;
		this.models = models;
		this.limits = limits;
	}

	/**
	 * {@code {"rewards": [...], "scores": [...]}}: the same normalised score twice, one
	 * per query, in order (OpenRLHF reads {@code rewards}; its own server sends both).
	 */
	@PostMapping(PATH + "{key}")
	@Operation(summary = "Score for a training loop (OpenRLHF --remote_rm_url), with a reward-serving key",
			description = "No other credentials, session or CSRF token. Body: {\"query\": [text, ...], "
					+ "\"prompts\"?: [text, ...], \"labels\"?: any (ignored)}. Each query is a prompt and its "
					+ "response as one text. With prompts (one per query), the response is what follows the first "
					+ "occurrence of the prompt in the query (padding or tokens before it are dropped); a query that "
					+ "does not contain its prompt is scored whole as the response to that prompt. Without prompts, "
					+ "each query is scored whole as the response to an empty prompt. Answer: {\"rewards\": [...], "
					+ "\"scores\": [...]}, the same normalised score in both, one per query.",
			security = {})
	@ApiResponse(responseCode = "200", description = "one reward per query, in order")
	@ApiResponse(responseCode = "400", description = "invalid request; errors name each field, e.g. query[3]")
	@ApiResponse(responseCode = "401", description = "unknown or revoked key")
	Map<String, double[]> score(@PathVariable String key, @RequestBody RemoteRewardRequest request) {
		long model = keys.modelOf(key)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
					"unknown or revoked reward-serving key"));
		List<PromptResponses> items = request.items(limits);
		List<double[]> scores = models.scoreAll(model, items);
		double[] rewards = scores.stream().mapToDouble(item -> item[0]).toArray();
		return Map.of("rewards", rewards, "scores", rewards);
	}

	@Configuration(proxyBeanMethods = false)
	static class Paths {

		@Bean
		SecretPath rewardServingPath() {
			return new SecretPath(PATH);
		}

		@Bean
		RequestBodyLimit rewardServingBodyLimit(ScoringSettings settings) {
			return RequestBodyLimit.json(HttpMethod.POST, PATH + "{key}", ScoringLimits.maxBody(settings));
		}

	}

}
