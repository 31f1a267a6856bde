package org.ranklab.user;

import org.junit.jupiter.api.Test;

import org.ranklab.ApiClient;
import org.ranklab.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class TokenApiTests extends IntegrationTest {

	@Test
	void issuedTokenAuthenticatesAsItsOwner() {
		ApiClient.Credentials labeler = newLabeler();
		JsonNode token = api.post("/api/v1/tokens", labeler, "{\"name\":\"laptop\"}").expectStatus(201).json();

		assertThat(token.path("name").asString()).isEqualTo("laptop");
		assertThat(token.path("token").asString()).startsWith("rl_");
		ApiClient.Credentials bearer = ApiClient.bearer(token.path("token").asString());
		api.get("/api/v1/projects", bearer).expectStatus(200);
		api.get("/api/v1/users", bearer).expectProblem(403);
	}

	@Test
	void storesOnlyTheHashOfTheToken() {
		JsonNode token = api.post("/api/v1/tokens", admin(), "{\"name\":\"ci\"}").expectStatus(201).json();
		String secret = token.path("token").asString();

		String stored = jdbc.sql("SELECT token_hash FROM access_tokens WHERE id = ?")
			.param(Long.parseLong(token.path("id").asString()))
			.query(String.class)
			.single();
		assertThat(stored).isEqualTo(AccessTokens.hash(secret)).doesNotContain(secret.substring(3));
		assertThat(api.get("/api/v1/tokens", admin()).body()).doesNotContain(secret);
	}

	@Test
	void revokedTokenIsRefused() {
		JsonNode token = api.post("/api/v1/tokens", admin(), "{\"name\":\"temporary\"}").expectStatus(201).json();
		ApiClient.Credentials bearer = ApiClient.bearer(token.path("token").asString());
		api.get("/api/v1/users", bearer).expectStatus(200);

		api.delete("/api/v1/tokens/" + token.path("id").asString(), admin()).expectStatus(204);

		api.get("/api/v1/users", bearer).expectProblem(401);
	}

	@Test
	void unknownBearerTokenIsRefused() {
		api.get("/api/v1/projects", ApiClient.bearer("rl_made-up")).expectProblem(401);
	}

	@Test
	void labelerCannotRevokeAnotherUsersToken() {
		JsonNode adminToken = api.post("/api/v1/tokens", admin(), "{\"name\":\"mine\"}").expectStatus(201).json();

		api.delete("/api/v1/tokens/" + adminToken.path("id").asString(), newLabeler()).expectProblem(404);

		api.get("/api/v1/users", ApiClient.bearer(adminToken.path("token").asString())).expectStatus(200);
	}

	@Test
	void refusesBlankTokenName() {
		JsonNode problem = api.post("/api/v1/tokens", admin(), "{\"name\":\" \"}").expectProblem(400);

		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("name");
	}

}
