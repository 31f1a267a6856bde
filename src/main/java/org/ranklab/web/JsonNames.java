package org.ranklab.web;

/** Bean property names as clients see them in our snake_case JSON. */
final class JsonNames {

	private JsonNames() {
	}

	static String of(String property) {
		return property.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
	}

}
