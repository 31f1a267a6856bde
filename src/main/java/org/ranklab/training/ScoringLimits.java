package org.ranklab.training;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;

import org.ranklab.web.RequestBodyLimit;

/**
 * A scoring request may carry up to {@value ScoreRequest#MAX_RESPONSES} responses of
 * {@value ScoreRequest#MAX_CHARS} characters each, more than the default body limit: the
 * scoring endpoints take what that largest valid request can be in UTF-8 (three bytes a
 * character at most), and no more.
 */
@Configuration(proxyBeanMethods = false)
class ScoringLimits {

	static final DataSize MAX_BODY = DataSize
		.ofBytes(3L * ScoreRequest.MAX_CHARS * (ScoreRequest.MAX_RESPONSES + 1) + DataSize.ofKilobytes(64).toBytes());

	@Bean
	RequestBodyLimit scoreBodyLimit() {
		return RequestBodyLimit.json(HttpMethod.POST, "/api/v1/reward-models/{id}/score", MAX_BODY);
	}

	@Bean
	RequestBodyLimit newestModelScoreBodyLimit() {
		return RequestBodyLimit.json(HttpMethod.POST, "/api/v1/projects/{id}/reward-model/score", MAX_BODY);
	}

}
