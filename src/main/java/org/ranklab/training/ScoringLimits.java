package org.ranklab.training;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;

import org.ranklab.web.RequestBodyLimit;

/**
 * A scoring request may carry more than the default body limit: the scoring endpoints
 * take what the largest valid single-prompt request can be in UTF-8 ({@code
 * max-responses-per-item} responses and a prompt of {@code max-text-chars} characters,
 * three bytes a character at most), and no more. A batch shares that bound: many prompts
 * in one call are many short texts, not many of the longest.
 */
@Configuration(proxyBeanMethods = false)
class ScoringLimits {

	static DataSize maxBody(ScoringSettings settings) {
		return DataSize.ofBytes(3L * settings.maxTextChars() * (settings.maxResponsesPerItem() + 1)
				+ DataSize.ofKilobytes(64).toBytes());
	}

	@Bean
	RequestBodyLimit scoreBodyLimit(ScoringSettings settings) {
		return RequestBodyLimit.json(HttpMethod.POST, "/api/v1/reward-models/{id}/score", maxBody(settings));
	}

	@Bean
	RequestBodyLimit newestModelScoreBodyLimit(ScoringSettings settings) {
		return RequestBodyLimit.json(HttpMethod.POST, "/api/v1/projects/{id}/reward-model/score", maxBody(settings));
	}

}
