package org.ranklab.project;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.ranklab.web.InvalidInputException;

/**
 * The body and answer of {@code PUT/GET /projects/{id}/members}: user ids, as the API
 * writes ids (strings; numbers are taken too).
 */
record ProjectMemberIds(@NotNull(message = "must be given") @Size(max = ProjectMemberIds.MAX,
		message = "must hold at most " + ProjectMemberIds.MAX + " ids") List<String> userIds) {

	static final int MAX = 10_000;

	static ProjectMemberIds of(List<Long> ids) {
		return new ProjectMemberIds(ids.stream().map(String::valueOf).toList());
	}

	/**
	 * The distinct ids; anything that is not an id is refused naming {@code user_ids}.
	 */
	Set<Long> ids() {
		Set<Long> ids = new LinkedHashSet<>();
		for (String id : userIds) {
			try {
				ids.add(Long.parseLong(id == null ? "" : id.strip()));
			}
			catch (NumberFormatException e) {
				throw InvalidInputException.ofField("user_ids", "'" + id + "' is not a user id");
			}
		}
		return ids;
	}

}
