package org.ranklab.faults;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.ranklab.ApiClient;

import static org.assertj.core.api.Assertions.fail;

/** What the tests set up through the admin's API calls on one app process. */
final class Admin {

	static final ApiClient.Credentials CREDENTIALS = ApiClient.basic("admin", AppProcess.ADMIN_PASSWORD);

	private final ApiClient api;

	Admin(AppProcess app) {
		this.api = app.api();
	}

	ApiClient api() {
		return api;
	}

	long newProject(String json) {
		return Long
			.parseLong(api.post("/api/v1/projects", CREDENTIALS, json).expectStatus(201).json().path("id").asString());
	}

	/**
	 * Imports {@code count} prompts of four distinct candidates each; returns how many
	 * were imported.
	 */
	int importPrompts(long project, int count) {
		return api
			.send("POST", "/api/v1/projects/" + project + "/prompts", CREDENTIALS, "application/x-ndjson",
					promptLines("p", count))
			.expectStatus(201)
			.json()
			.path("imported")
			.asInt();
	}

	static String promptLines(String prefix, int count) {
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < count; i++) {
			lines.append(promptLine(prefix + i)).append('\n');
		}
		return lines.toString();
	}

	static String promptLine(String id) {
		return """
				{"external_id":"%1$s","prompt":"Question %1$s?","candidates":["%1$s first","%1$s second","%1$s third","%1$s fourth"]}"""
			.formatted(id);
	}

	/**
	 * A new labeler, who authenticates with a personal access token (no password hashing
	 * on every call).
	 */
	Labeler newLabeler() {
		String username = "labeler-" + UUID.randomUUID().toString().substring(0, 8);
		String password = "password-" + username;
		api.post("/api/v1/users", CREDENTIALS,
				"{\"username\":\"%s\",\"password\":\"%s\",\"role\":\"LABELER\"}".formatted(username, password))
			.expectStatus(201);
		String token = api.post("/api/v1/tokens", ApiClient.basic(username, password), "{\"name\":\"script\"}")
			.expectStatus(201)
			.json()
			.path("token")
			.asString();
		return new Labeler(username, token);
	}

	/**
	 * The training run's state once it has ended, polled on the given app; fails after
	 * {@code limit}.
	 */
	static JsonNode awaitEndOfRun(ApiClient api, String run, Duration limit) {
		long deadline = System.nanoTime() + limit.toNanos();
		while (true) {
			JsonNode state = api.get("/api/v1/training-runs/" + run, CREDENTIALS).expectStatus(200).json();
			if (List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(state.path("status").asString())) {
				return state;
			}
			if (System.nanoTime() > deadline) {
				fail("training run %s still %s after %s: %s", run, state.path("status").asString(), limit, state);
			}
			AppProcess.pause(200);
		}
	}

}
