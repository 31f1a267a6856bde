package org.ranklab.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One problem with a request: in a field, on a line of an uploaded file, or both.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InputError(Long line, String field, String message) {

	public static InputError field(String field, String message) {
		return new InputError(null, field, message);
	}

	public static InputError line(long line, String message) {
		return new InputError(line, null, message);
	}

}
