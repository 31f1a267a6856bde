package org.ranklab.prompt;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ranklab.ApiClient;
import org.ranklab.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class PromptListingApiTests extends IntegrationTest {

	@Test
	void pagesThroughPromptsWithAnOpaqueCursor() {
		long project = newProject("{\"name\":\"listing\"}");
		StringBuilder body = new StringBuilder();
		for (int i = 1; i <= 7; i++) {
			body.append("{\"external_id\":\"e")
				.append(i)
				.append("\",\"prompt\":\"Prompt ")
				.append(i)
				.append("\",\"candidates\":[\"a")
				.append(i)
				.append("\",{\"text\":\"b\",\"model\":\"m\"},\"c\",\"d\"],")
				.append("\"meta\":{\"n\":")
				.append(i)
				.append("}}\n");
		}
		body.append("{\"prompt\":\"Waiting\"}\n");
		new ImportRequests(port).text(project, admin(), "application/x-ndjson", body.toString()).expectStatus(201);

		List<JsonNode> items = new ArrayList<>();
		List<Integer> pageSizes = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = api.get(path(project) + "?limit=3" + (cursor == null ? "" : "&after=" + cursor), admin())
				.expectStatus(200)
				.json();
			page.path("items").forEach(items::add);
			pageSizes.add(page.path("items").size());
			cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asString();
		}
		while (cursor != null && pageSizes.size() < 10);

		assertThat(pageSizes).containsExactly(3, 3, 2);
		assertThat(items).extracting(item -> item.path("text").asString())
			.containsExactly("Prompt 1", "Prompt 2", "Prompt 3", "Prompt 4", "Prompt 5", "Prompt 6", "Prompt 7",
					"Waiting");
		JsonNode first = items.get(0);
		assertThat(first.path("id").isString()).isTrue();
		assertThat(first.path("external_id").asString()).isEqualTo("e1");
		assertThat(first.path("meta").path("n").asInt()).isEqualTo(1);
		assertThat(first.path("candidates").valueStream().map(c -> c.path("text").asString())).containsExactly("a1",
				"b", "c", "d");
		assertThat(first.at("/candidates/1/model").asString()).isEqualTo("m");
		assertThat(first.at("/candidates/0/id").isString()).isTrue();
		assertThat(items.get(7).path("candidates").isEmpty()).isTrue();
		assertThat(items.get(7).path("external_id").isNull()).isTrue();
	}

	@Test
	void defaultsToFiftyAndEndsWithANullCursor() {
		long project = newProject("{\"name\":\"listing default\"}");
		new ImportRequests(port).text(project, admin(), "application/x-ndjson", "{\"prompt\":\"only\"}")
			.expectStatus(201);

		JsonNode page = api.get(path(project), admin()).expectStatus(200).json();

		assertThat(page.path("items").size()).isEqualTo(1);
		assertThat(page.has("next_cursor")).isTrue();
		assertThat(page.path("next_cursor").isNull()).isTrue();
		JsonNode empty = api.get(path(newProject("{\"name\":\"no prompts\"}")), admin()).expectStatus(200).json();
		assertThat(empty.path("items").isEmpty()).isTrue();
	}

	@Test
	void refusesBadLimitsAndCursorsNamingTheParameter() {
		long project = newProject("{\"name\":\"listing params\"}");

		for (String limit : List.of("0", "501", "ten", "-1")) {
			JsonNode problem = api.get(path(project) + "?limit=" + limit, admin()).expectProblem(400);
			assertThat(problem.at("/errors/0/field").asString()).isEqualTo("limit");
		}
		for (String after : List.of("garbage!", "MTIz", "cC0x")) {
			JsonNode problem = api.get(path(project) + "?after=" + after, admin()).expectProblem(400);
			assertThat(problem.at("/errors/0/field").asString()).isEqualTo("after");
		}
		api.get(path(project) + "?limit=500", admin()).expectStatus(200);
	}

	@Test
	void onlyAdminsListPromptsOfExistingProjects() {
		long project = newProject("{\"name\":\"listing roles\"}");

		api.get(path(project), newLabeler()).expectProblem(403);
		api.get(path(project), ApiClient.ANONYMOUS).expectProblem(401);
		api.get(path(987_654_321L), admin()).expectProblem(404);
	}

	@Test
	void documentsImportAndListingInOpenApi() {
		JsonNode paths = api.get("/v3/api-docs", ApiClient.ANONYMOUS).expectStatus(200).json().path("paths");

		JsonNode prompts = paths.path("/api/v1/projects/{projectId}/prompts");
		assertThat(prompts.path("post").path("requestBody").path("content").propertyNames())
			.contains("application/x-ndjson", "application/json", "text/csv", "multipart/form-data");
		assertThat(prompts.path("get").path("parameters").valueStream().map(p -> p.path("name").asString()))
			.contains("after", "limit");
	}

	private static String path(long project) {
		return "/api/v1/projects/" + project + "/prompts";
	}

}
