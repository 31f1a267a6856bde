package org.ranklab.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Refuses a request as {@code 400} with every problem found, so a client can fix them all
 * at once. At most {@value #LISTED} are listed, then one entry counts the rest: a body
 * full of mistakes is never answered with a document many times its size.
 */
public class InvalidInputException extends RuntimeException {

	/** The most errors a refusal lists. */
	public static final int LISTED = 100;

	private final List<InputError> errors;

	public InvalidInputException(String detail, List<InputError> errors) {
		this(detail, errors, errors.size());
	}

	/**
	 * @param found the first errors found (only the first {@value #LISTED} are kept)
	 * @param count how many were found in all, for a caller that stopped keeping them
	 */
	public InvalidInputException(String detail, List<InputError> found, long count) {
		super(detail);
		List<InputError> listed = new ArrayList<>(found.subList(0, Math.min(found.size(), LISTED)));
		long more = Math.max(count, found.size()) - listed.size();
		if (more > 0) {
			listed.add(new InputError(null, null, "and " + more + (more == 1 ? " more error" : " more errors")));
		}
		this.errors = List.copyOf(listed);
	}

	/**
	 * Refuses with these errors; the detail joins them, or names the first when there are
	 * more than {@value #LISTED}.
	 */
	public static InvalidInputException of(List<InputError> errors) {
		return of(errors, errors.size());
	}

	/**
	 * @param found the first errors found, at least one
	 * @param count how many were found in all
	 */
	public static InvalidInputException of(List<InputError> found, long count) {
		String detail = count <= LISTED && found.size() == count
				? found.stream().map(InvalidInputException::describe).collect(Collectors.joining("; "))
				: count + " errors; the first: " + describe(found.get(0));
		return new InvalidInputException(detail, found, count);
	}

	public static InvalidInputException ofField(String field, String message) {
		return new InvalidInputException(field + ": " + message, List.of(InputError.field(field, message)));
	}

	public List<InputError> errors() {
		return errors;
	}

	private static String describe(InputError error) {
		String where = error.field() != null ? error.field() : error.line() != null ? "line " + error.line() : null;
		return where == null ? error.message() : where + ": " + error.message();
	}

}
