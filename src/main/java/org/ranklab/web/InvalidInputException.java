package org.ranklab.web;

import java.util.List;

/**
 * Refuses a request as {@code 400} with every problem found, so a client can fix them all
 * at once.
 */
public class InvalidInputException extends RuntimeException {

	private final List<InputError> errors;

	public InvalidInputException(String detail, List<InputError> errors) {
		super(detail);
		this.errors = List.copyOf(errors);
	}

	public static InvalidInputException ofField(String field, String message) {
		return new InvalidInputException(field + ": " + message, List.of(InputError.field(field, message)));
	}

	public List<InputError> errors() {
		return errors;
	}

}
