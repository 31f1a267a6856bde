package org.ranklab.prompt;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.ranklab.web.InvalidInputException;

/**
 * The opaque {@code after} cursor of the prompt listing: the last id of a page, encoded.
 */
final class PromptCursor {

	private static final String PREFIX = "p";

	private PromptCursor() {
	}

	static String after(long id) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((PREFIX + id).getBytes(StandardCharsets.US_ASCII));
	}

	/** The id to start after; 0 (the beginning) when there is no cursor. */
	static long decode(String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return 0;
		}
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
			if (decoded.startsWith(PREFIX)) {
				long id = Long.parseLong(decoded.substring(PREFIX.length()));
				if (id > 0) {
					return id;
				}
			}
		}
		catch (IllegalArgumentException notOurs) {
			// Reported below, like any other cursor this API did not hand out.
		}
		throw InvalidInputException.ofField("after", "is not a cursor returned by this API (use next_cursor)");
	}

}
