package org.ranklab.web;

import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;

/**
 * A request body limit of its own for one endpoint, declared as a bean by the module that
 * serves it. Every other request body is held to {@code ranklab.web.max-body-bytes} and
 * may not be multipart.
 *
 * @param method the endpoint's method
 * @param path its path pattern, such as {@code /api/v1/projects/{id}/prompts}
 * @param maxBytes the largest body it takes, multipart or not
 * @param uploads whether it takes {@code multipart/form-data} bodies
 */
public record RequestBodyLimit(HttpMethod method, String path, DataSize maxBytes, boolean uploads) {

	/** An endpoint that takes files, as the body itself or as multipart uploads. */
	public static RequestBodyLimit uploads(HttpMethod method, String path, DataSize maxBytes) {
		return new RequestBodyLimit(method, path, maxBytes, true);
	}

	/** An endpoint that takes JSON bodies larger than the default. */
	public static RequestBodyLimit json(HttpMethod method, String path, DataSize maxBytes) {
		return new RequestBodyLimit(method, path, maxBytes, false);
	}

}
