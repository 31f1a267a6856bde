package org.ranklab.project;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How the label page shows a project's responses. */
public enum LabelLayout {

	/** One column, best on top. */
	LIST("list"),

	/**
	 * Two or three responses to a row, to compare them line by line; the list on narrow
	 * screens.
	 */
	SIDE_BY_SIDE("side_by_side");

	private final String apiName;

	LabelLayout(String apiName) {
		this.apiName = apiName;
	}

	@JsonValue
	public String apiName() {
		return apiName;
	}

	@JsonCreator
	public static LabelLayout fromApiName(String name) {
		return Arrays.stream(values())
			.filter(layout -> layout.apiName.equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("must be list or side_by_side"));
	}

}
