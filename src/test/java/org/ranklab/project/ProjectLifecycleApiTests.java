package org.ranklab.project;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ranklab.IntegrationTest;
import org.ranklab.RankingFixture;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectLifecycleApiTests extends IntegrationTest {

	@Test
	void newProjectsCarryTheVersionOneDefaults() {
		JsonNode project = api.post("/api/v1/projects", admin(), "{\"name\":\"Defaults\"}").expectStatus(201).json();

		assertThat(project.path("access").asString()).isEqualTo("all_labelers");
		assertThat(project.path("archived").asBoolean()).isFalse();
		assertThat(project.path("guidelines_version").asInt()).isEqualTo(1);
		assertThat(project.path("gold_rate").asDouble()).isZero();
		assertThat(project.path("assignment_order").asString()).isEqualTo("completion");
		assertThat(project.path("labelers_may_score").asBoolean()).isFalse();
	}

	@Test
	void patchChangesOnlyTheGivenFieldsAndVersionsTheGuidelines() {
		long id = newProject("{\"name\":\"Typo\",\"guidelines\":\"Rank by helpfullness\",\"lease_seconds\":60}");

		JsonNode project = api.patch("/api/v1/projects/" + id, admin(), """
				{"guidelines":"Rank by helpfulness","rankings_per_prompt":5,"access":"members","gold_rate":0.1}""")
			.expectStatus(200)
			.json();

		assertThat(project.path("guidelines").asString()).isEqualTo("Rank by helpfulness");
		assertThat(project.path("guidelines_version").asInt()).isEqualTo(2);
		assertThat(project.path("rankings_per_prompt").asInt()).isEqualTo(5);
		assertThat(project.path("access").asString()).isEqualTo("members");
		assertThat(project.path("gold_rate").asDouble()).isEqualTo(0.1);
		assertThat(project.path("name").asString()).isEqualTo("Typo");
		assertThat(project.path("lease_seconds").asInt()).isEqualTo(60);
		assertThat(jdbc.sql("SELECT guidelines FROM project_guidelines WHERE project_id = ? ORDER BY version")
			.param(id)
			.query(String.class)
			.list()).containsExactly("Rank by helpfullness", "Rank by helpfulness");
	}

	@Test
	void sameGuidelinesAgainMakeNoNewVersion() {
		long id = newProject("{\"name\":\"Stable\",\"guidelines\":\"Be kind\"}");

		JsonNode project = api.patch("/api/v1/projects/" + id, admin(), "{\"guidelines\":\"Be kind\"}")
			.expectStatus(200)
			.json();

		assertThat(project.path("guidelines_version").asInt()).isEqualTo(1);
	}

	@Test
	void invalidFieldsAreRefusedByNameAndNothingChanges() {
		long id = newProject("{\"name\":\"Strict\"}");

		JsonNode problem = api
			.patch("/api/v1/projects/" + id, admin(),
					"{\"name\":\"Renamed\",\"gold_rate\":0.9,\"access\":\"everyone\"}")
			.expectStatus(400)
			.json();

		assertThat(problem.toString()).contains("access");
		JsonNode rateProblem = api.patch("/api/v1/projects/" + id, admin(), "{\"name\":\"Renamed\",\"gold_rate\":0.9}")
			.expectStatus(400)
			.json();
		assertThat(rateProblem.path("errors").get(0).path("field").asString()).isEqualTo("gold_rate");
		assertThat(api.patch("/api/v1/projects/" + id, admin(), "{\"min_candidates\":8,\"max_candidates\":5}")
			.expectStatus(400)
			.json()
			.path("errors")
			.get(0)
			.path("field")
			.asString()).isEqualTo("max_candidates");
		assertThat(api.get("/api/v1/projects/" + id, admin()).json().path("name").asString()).isEqualTo("Strict");
	}

	@Test
	void settingsThatGiveRankingsTheirMeaningAreFrozenOnceARankingExists() {
		long id = newProject("{\"name\":\"Frozen\",\"min_candidates\":2,\"rankings_per_prompt\":1}");
		api.patch("/api/v1/projects/" + id, admin(), "{\"allow_ties\":false}").expectStatus(200);
		RankingFixture fixture = new RankingFixture(api, jdbc);
		var prompt = fixture.prompt(id, "Capital of France?", "Paris", "Lyon");
		fixture.label(id, newLabeler(), Map.of(prompt, "Paris > Lyon"));

		assertThat(api.patch("/api/v1/projects/" + id, admin(), "{\"allow_ties\":true}").expectStatus(409).body())
			.contains("allow_ties");
		assertThat(api.patch("/api/v1/projects/" + id, admin(), "{\"collect_scores\":true,\"max_candidates\":5}")
			.expectStatus(409)
			.body()).contains("collect_scores", "max_candidates");
		// The same value again changes nothing, so it is not refused.
		api.patch("/api/v1/projects/" + id, admin(), "{\"allow_ties\":false,\"name\":\"Frozen still\"}")
			.expectStatus(200);
	}

	@Test
	void archivingHidesNothingFromAdminsAndIsUndone() {
		long id = newProject("{\"name\":\"Old\"}");

		assertThat(api.post("/api/v1/projects/" + id + "/archive", admin(), null)
			.expectStatus(200)
			.json()
			.path("archived")
			.asBoolean()).isTrue();
		assertThat(api.get("/api/v1/projects/" + id, admin()).json().path("archived").asBoolean()).isTrue();
		assertThat(api.post("/api/v1/projects/" + id + "/unarchive", admin(), null)
			.expectStatus(200)
			.json()
			.path("archived")
			.asBoolean()).isFalse();
	}

	@Test
	void everyChangeIsInTheAuditLogWithWhoAndFromWhatToWhat() {
		long id = newProject("{\"name\":\"Audited\",\"lease_seconds\":60}");
		api.patch("/api/v1/projects/" + id, admin(), "{\"lease_seconds\":120,\"name\":\"Audited\"}").expectStatus(200);
		api.post("/api/v1/projects/" + id + "/archive", admin(), null).expectStatus(200);

		JsonNode entries = api.get("/api/v1/audit-log?project_id=" + id, admin()).expectStatus(200).json();

		assertThat(entries).hasSize(3);
		JsonNode archived = entries.get(0);
		assertThat(archived.path("action").asString()).isEqualTo("project.archived");
		assertThat(archived.path("actor").asString()).isEqualTo(ADMIN);
		JsonNode updated = entries.get(1);
		assertThat(updated.path("action").asString()).isEqualTo("project.updated");
		assertThat(updated.path("before").toString()).isEqualTo("{\"lease_seconds\":60}");
		assertThat(updated.path("after").toString()).isEqualTo("{\"lease_seconds\":120}");
		assertThat(entries.get(2).path("action").asString()).isEqualTo("project.created");
		assertThat(entries.get(2).path("after").path("name").asString()).isEqualTo("Audited");
	}

	@Test
	void theAuditLogCannotBeRewritten() {
		long id = newProject("{\"name\":\"Tamper\"}");

		assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE project_id = ?").param(id).query(Long.class).single())
			.isOne();
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log WHERE project_id = ?").param(id).update())
			.hasMessageContaining("append-only");
	}

}
