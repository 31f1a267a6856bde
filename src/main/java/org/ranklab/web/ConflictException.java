package org.ranklab.web;

/** The request clashes with what is stored: answered with {@code 409}. */
public class ConflictException extends RuntimeException {

	public ConflictException(String detail) {
		super(detail);
	}

}
