package org.ranklab.prompt;

import java.util.ArrayList;
import java.util.List;

import org.ranklab.web.InputError;
import org.ranklab.web.InvalidInputException;

/**
 * Every problem found in an import file. The first {@value #LISTED} are kept with their
 * line; the rest are only counted, so a file full of errors cannot fill the heap.
 */
final class ImportProblems {

	static final int LISTED = InvalidInputException.LISTED;

	private final List<InputError> listed = new ArrayList<>();

	private long count;

	void add(long line, String field, String message) {
		count++;
		if (listed.size() < LISTED) {
			listed.add(new InputError(line > 0 ? line : null, field, message));
		}
	}

	boolean isEmpty() {
		return count == 0;
	}

	long count() {
		return count;
	}

	InvalidInputException toException() {
		InputError first = listed.get(0);
		String where = first.line() == null ? "" : "line " + first.line() + ": ";
		String detail = count == 1 ? where + first.message() + "; nothing was imported"
				: count + " errors, nothing was imported; the first: " + where + first.message();
		return new InvalidInputException(detail, listed, count);
	}

}
