package org.ranklab.project;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ranklab.IntegrationTest;
import org.ranklab.RankingFixture;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectLayoutTests extends IntegrationTest {

	@Test
	void projectsAreListsUnlessCreatedSideBySide() {
		JsonNode list = api.post("/api/v1/projects", admin(), "{\"name\":\"Layout default\"}").expectStatus(201).json();
		JsonNode sideBySide = api
			.post("/api/v1/projects", admin(), "{\"name\":\"Layout given\",\"layout\":\"side_by_side\"}")
			.expectStatus(201)
			.json();

		assertThat(list.path("layout").asString()).isEqualTo("list");
		assertThat(sideBySide.path("layout").asString()).isEqualTo("side_by_side");
		assertThat(api.get("/api/v1/projects/" + sideBySide.path("id").asString(), admin())
			.expectStatus(200)
			.json()
			.path("layout")
			.asString()).isEqualTo("side_by_side");
	}

	@Test
	void layoutIsPatchedAndAuditedAlsoAfterRankingsExist() {
		long id = newProject("{\"name\":\"Layout patched\",\"min_candidates\":2}");
		RankingFixture fixture = new RankingFixture(api, jdbc);
		var prompt = fixture.prompt(id, "Capital of France?", "Paris", "Lyon");
		fixture.label(id, newLabeler(), Map.of(prompt, "Paris > Lyon"));

		JsonNode project = api.patch("/api/v1/projects/" + id, admin(), "{\"layout\":\"side_by_side\"}")
			.expectStatus(200)
			.json();

		assertThat(project.path("layout").asString()).isEqualTo("side_by_side");
		assertThat(project.path("name").asString()).isEqualTo("Layout patched");
		assertThat(jdbc.sql("SELECT after::text FROM audit_log WHERE project_id = ? AND action = 'project.updated'")
			.param(id)
			.query(String.class)
			.single()).contains("\"layout\": \"side_by_side\"");
	}

	@Test
	void unknownLayoutIsRefusedByNameAndNothingChanges() {
		long id = newProject("{\"name\":\"Layout strict\"}");

		JsonNode problem = api.patch("/api/v1/projects/" + id, admin(), "{\"name\":\"Renamed\",\"layout\":\"grid\"}")
			.expectStatus(400)
			.json();

		assertThat(problem.toString()).contains("layout");
		api.post("/api/v1/projects", admin(), "{\"name\":\"Layout grid\",\"layout\":\"grid\"}").expectStatus(400);
		assertThat(jdbc.sql("SELECT name || '/' || layout FROM projects WHERE id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("Layout strict/list");
	}

}
