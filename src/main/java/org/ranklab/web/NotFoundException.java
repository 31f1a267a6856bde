package org.ranklab.web;

/**
 * The addressed resource does not exist (or is not visible to the caller): answered with
 * {@code 404}.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what, Object id) {
		super(what + " " + id + " does not exist");
	}

}
