package org.ranklab.project;

import org.junit.jupiter.api.Test;

import org.ranklab.ApiClient;
import org.ranklab.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectApiTests extends IntegrationTest {

	@Test
	void createsProjectWithDefaultsFilledIn() {
		JsonNode project = api.post("/api/v1/projects", admin(), "{\"name\":\"Helpfulness\"}").expectStatus(201).json();

		assertThat(project.path("id").isString()).isTrue();
		assertThat(project.path("name").asString()).isEqualTo("Helpfulness");
		assertThat(project.path("min_candidates").asInt()).isEqualTo(4);
		assertThat(project.path("max_candidates").asInt()).isEqualTo(9);
		assertThat(project.path("rankings_per_prompt").asInt()).isEqualTo(3);
		assertThat(project.path("allow_ties").asBoolean()).isTrue();
		assertThat(project.path("collect_scores").asBoolean()).isFalse();
		assertThat(project.path("lease_seconds").asInt()).isEqualTo(900);
		assertThat(project.path("progress").path("prompts").isNumber()).isTrue();
	}

	@Test
	void keepsGivenSettingsAndShowsThemToLabelers() {
		String body = """
				{"name":"Code review","guidelines":"# Be strict","min_candidates":2,"max_candidates":5,
				 "rankings_per_prompt":4,"allow_ties":false,"collect_scores":true,"lease_seconds":60}""";
		String id = api.post("/api/v1/projects", admin(), body).expectStatus(201).json().path("id").asString();

		JsonNode project = api.get("/api/v1/projects/" + id, newLabeler()).expectStatus(200).json();

		assertThat(project.path("guidelines").asString()).isEqualTo("# Be strict");
		assertThat(project.path("min_candidates").asInt()).isEqualTo(2);
		assertThat(project.path("max_candidates").asInt()).isEqualTo(5);
		assertThat(project.path("rankings_per_prompt").asInt()).isEqualTo(4);
		assertThat(project.path("allow_ties").asBoolean()).isFalse();
		assertThat(project.path("collect_scores").asBoolean()).isTrue();
		assertThat(project.path("lease_seconds").asInt()).isEqualTo(60);
		JsonNode progress = project.path("progress");
		assertThat(progress.has("prompts") && progress.has("prompts_ready") && progress.has("prompts_complete")
				&& progress.has("rankings"))
			.isTrue();
	}

	@Test
	void listsProjectsAsAnArray() {
		api.post("/api/v1/projects", admin(), "{\"name\":\"Listed\"}").expectStatus(201);

		JsonNode projects = api.get("/api/v1/projects", newLabeler()).expectStatus(200).json();

		assertThat(projects.isArray()).isTrue();
		assertThat(projects.valueStream().map(p -> p.path("name").asString())).contains("Listed");
	}

	@Test
	void refusesMinCandidatesAboveMax() {
		JsonNode problem = api
			.post("/api/v1/projects", admin(), "{\"name\":\"Bad range\",\"min_candidates\":6,\"max_candidates\":5}")
			.expectProblem(400);

		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("max_candidates");
		assertThat(projectsNamed("Bad range")).isZero();
	}

	@Test
	void refusesCandidateCountsOutsideTwoToNine() {
		JsonNode tooFew = api.post("/api/v1/projects", admin(), "{\"name\":\"One\",\"min_candidates\":1}")
			.expectProblem(400);
		JsonNode tooMany = api.post("/api/v1/projects", admin(), "{\"name\":\"Ten\",\"max_candidates\":10}")
			.expectProblem(400);

		assertThat(tooFew.at("/errors/0/field").asString()).isEqualTo("min_candidates");
		assertThat(tooMany.at("/errors/0/field").asString()).isEqualTo("max_candidates");
	}

	@Test
	void refusesNonPositiveOverlapAndLease() {
		JsonNode problem = api
			.post("/api/v1/projects", admin(), "{\"name\":\"Zeroes\",\"rankings_per_prompt\":0,\"lease_seconds\":-5}")
			.expectProblem(400);

		assertThat(problem.path("errors").valueStream().map(e -> e.path("field").asString()))
			.containsExactlyInAnyOrder("rankings_per_prompt", "lease_seconds");
		assertThat(projectsNamed("Zeroes")).isZero();
	}

	@Test
	void refusesBlankNameAndWrongTypes() {
		api.post("/api/v1/projects", admin(), "{\"name\":\"\"}").expectProblem(400);
		JsonNode wrongType = api.post("/api/v1/projects", admin(), "{\"name\":\"Typed\",\"min_candidates\":\"four\"}")
			.expectProblem(400);

		assertThat(wrongType.at("/errors/0/field").asString()).isEqualTo("min_candidates");
	}

	@Test
	void labelerCannotCreateProjects() {
		api.post("/api/v1/projects", newLabeler(), "{\"name\":\"Not mine\"}").expectProblem(403);

		assertThat(projectsNamed("Not mine")).isZero();
	}

	@Test
	void unknownProjectIsNotFound() {
		api.get("/api/v1/projects/987654321", admin()).expectProblem(404);
		api.get("/api/v1/projects/abc", admin()).expectProblem(400);
	}

	@Test
	void anonymousCannotListProjects() {
		api.get("/api/v1/projects", ApiClient.ANONYMOUS).expectProblem(401);
	}

	private long projectsNamed(String name) {
		return jdbc.sql("SELECT count(*) FROM projects WHERE name = ?").param(name).query(Long.class).single();
	}

}
