package org.ranklab.project;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which labelers may label a project. */
public enum ProjectAccess {

	/** Every labeler. */
	ALL_LABELERS("all_labelers"),

	/** Only the project's members. */
	MEMBERS("members");

	private final String apiName;

	ProjectAccess(String apiName) {
		this.apiName = apiName;
	}

	@JsonValue
	public String apiName() {
		return apiName;
	}

	@JsonCreator
	public static ProjectAccess fromApiName(String name) {
		return Arrays.stream(values())
			.filter(access -> access.apiName.equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("must be all_labelers or members"));
	}

}
