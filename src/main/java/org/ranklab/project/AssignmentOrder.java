package org.ranklab.project;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The order in which a project's prompts are handed out. */
public enum AssignmentOrder {

	/** Prompts closest to completion first, then the oldest. */
	COMPLETION("completion"),

	/** Prompts the project's newest reward model is least sure about first. */
	UNCERTAINTY("uncertainty");

	private final String apiName;

	AssignmentOrder(String apiName) {
		this.apiName = apiName;
	}

	@JsonValue
	public String apiName() {
		return apiName;
	}

	@JsonCreator
	public static AssignmentOrder fromApiName(String name) {
		return Arrays.stream(values())
			.filter(order -> order.apiName.equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("must be completion or uncertainty"));
	}

}
