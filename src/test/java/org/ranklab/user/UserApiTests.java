package org.ranklab.user;

import org.junit.jupiter.api.Test;

import org.ranklab.ApiClient;
import org.ranklab.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class UserApiTests extends IntegrationTest {

	@Test
	void adminCreatesALabelerThatCanThenAuthenticate() {
		JsonNode created = api
			.post("/api/v1/users", admin(),
					"{\"username\":\"carla\",\"password\":\"carla-secret-1\",\"role\":\"LABELER\"}")
			.expectStatus(201)
			.json();

		assertThat(created.path("id").isString()).isTrue();
		assertThat(created.path("username").asString()).isEqualTo("carla");
		assertThat(created.path("role").asString()).isEqualTo("LABELER");
		assertThat(created.has("password")).isFalse();
		api.get("/api/v1/projects", ApiClient.basic("carla", "carla-secret-1")).expectStatus(200);
	}

	@Test
	void storesPasswordsAsBcryptHashes() {
		api.post("/api/v1/users", admin(),
				"{\"username\":\"hashcheck\",\"password\":\"plain-text-pw\",\"role\":\"LABELER\"}")
			.expectStatus(201);

		String hash = jdbc.sql("SELECT password_hash FROM users WHERE username = 'hashcheck'")
			.query(String.class)
			.single();
		assertThat(hash).startsWith("$2").doesNotContain("plain-text-pw");
	}

	@Test
	void listsUsersWithCreationTime() {
		JsonNode users = api.get("/api/v1/users", admin()).expectStatus(200).json();

		JsonNode admin = users.valueStream()
			.filter(u -> u.path("username").asString().equals(ADMIN))
			.findFirst()
			.orElseThrow();
		assertThat(admin.path("role").asString()).isEqualTo("ADMIN");
		assertThat(admin.path("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
	}

	@Test
	void refusesDuplicateUsernameIgnoringCase() {
		newUser("dupe-user");

		JsonNode problem = api
			.post("/api/v1/users", admin(),
					"{\"username\":\"DUPE-user\",\"password\":\"another-password\",\"role\":\"ADMIN\"}")
			.expectProblem(409);

		assertThat(problem.path("detail").asString()).contains("already taken");
		assertThat(countUsers("dupe-user")).isEqualTo(1);
	}

	@Test
	void refusesShortPasswordNamingTheField() {
		JsonNode problem = api
			.post("/api/v1/users", admin(), "{\"username\":\"shorty\",\"password\":\"123456789\",\"role\":\"LABELER\"}")
			.expectProblem(400);

		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("password");
		assertThat(countUsers("shorty")).isZero();
	}

	@Test
	void refusesBlankUsernameNamingTheField() {
		JsonNode problem = api
			.post("/api/v1/users", admin(),
					"{\"username\":\"   \",\"password\":\"long-enough-pw\",\"role\":\"LABELER\"}")
			.expectProblem(400);

		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("username");
	}

	@Test
	void refusesUnknownRoleNamingTheField() {
		JsonNode problem = api
			.post("/api/v1/users", admin(),
					"{\"username\":\"rooty\",\"password\":\"long-enough-pw\",\"role\":\"ROOT\"}")
			.expectProblem(400);

		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("role");
		assertThat(problem.path("detail").asString()).contains("ADMIN, LABELER");
		assertThat(countUsers("rooty")).isZero();
	}

	@Test
	void refusesMalformedJson() {
		JsonNode problem = api.post("/api/v1/users", admin(), "{\"username\": \"broken\",").expectProblem(400);

		assertThat(problem.path("detail").asString()).contains("malformed JSON");
		assertThat(countUsers("broken")).isZero();
	}

	@Test
	void refusesAnonymousCallsWithProblem() {
		JsonNode problem = api.get("/api/v1/users", ApiClient.ANONYMOUS).expectProblem(401);

		assertThat(problem.path("title").asString()).isEqualTo("Unauthorized");
	}

	@Test
	void refusesWrongPassword() {
		api.get("/api/v1/projects", ApiClient.basic(ADMIN, "not-the-password")).expectProblem(401);
	}

	@Test
	void refusesLabelerOnAdminEndpoints() {
		ApiClient.Credentials labeler = newLabeler();

		api.get("/api/v1/users", labeler).expectProblem(403);
		api.post("/api/v1/users", labeler,
				"{\"username\":\"sneaky\",\"password\":\"long-enough-pw\",\"role\":\"ADMIN\"}")
			.expectProblem(403);
		assertThat(countUsers("sneaky")).isZero();
	}

	private void newUser(String username) {
		api.post("/api/v1/users", admin(),
				"{\"username\":\"%s\",\"password\":\"long-enough-pw\",\"role\":\"LABELER\"}".formatted(username))
			.expectStatus(201);
	}

	private long countUsers(String username) {
		return jdbc.sql("SELECT count(*) FROM users WHERE lower(username) = lower(?)")
			.param(username)
			.query(Long.class)
			.single();
	}

}
