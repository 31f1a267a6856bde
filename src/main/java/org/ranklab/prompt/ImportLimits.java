package org.ranklab.prompt;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import org.ranklab.web.RequestBodyLimit;

/**
 * The import is the one endpoint that takes files: bodies up to
 * {@code ranklab.import.max-bytes}, multipart uploads included. Every other endpoint
 * keeps the small default.
 */
@Configuration(proxyBeanMethods = false)
class ImportLimits {

	@Bean
	RequestBodyLimit importBodyLimit(ImportProperties properties) {
		return RequestBodyLimit.uploads(HttpMethod.POST, "/api/v1/projects/{projectId}/prompts", properties.maxBytes());
	}

}
