package org.ranklab.quality;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.ranklab.ApiClient;
import org.ranklab.ApiClient.Credentials;
import org.ranklab.RankingFixture;

/**
 * A project whose position bias is known: 20 prompts of four responses, ranked by one
 * labeler who always puts the response shown first on top, and by another whose first
 * places go round the four positions.
 */
final class PositionBiasFixture {

	private final ApiClient api;

	private final RankingFixture fixture;

	PositionBiasFixture(ApiClient api, RankingFixture fixture) {
		this.api = api;
		this.fixture = fixture;
	}

	void rank(long project, Credentials admin, Credentials firstShown, Credentials even) {
		StringBuilder prompts = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			prompts.append("{\"prompt\":\"Question %d\",\"candidates\":[\"a%d\",\"b%d\",\"c%d\",\"d%d\"]}\n"
				.formatted(i, i, i, i, i));
		}
		fixture.importPrompts(project, admin, prompts.toString());
		for (int task = 0; task < 20; task++) {
			rankWithFirstAt(project, fixture.token(firstShown), 0);
			rankWithFirstAt(project, fixture.token(even), task % 4);
		}
	}

	/** Ranks the next task with the response shown at {@code position} on top. */
	private void rankWithFirstAt(long project, Credentials labeler, int position) {
		JsonNode task = api.post("/api/v1/projects/" + project + "/tasks/next", labeler, null).expectStatus(200).json();
		List<String> shown = task.path("candidates").valueStream().map(c -> c.path("id").asString()).toList();
		List<String> order = new ArrayList<>(shown);
		order.remove(position);
		order.add(0, shown.get(position));
		String tiers = String.join(",", order.stream().map(id -> "[\"" + id + "\"]").toList());
		api.post("/api/v1/assignments/" + task.path("assignment_id").asString() + "/ranking", labeler,
				"{\"ranking\":[" + tiers + "]}")
			.expectStatus(201);
	}

}
