package org.ranklab.user;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ranklab.ApiClient;
import org.ranklab.ApiClient.Credentials;
import org.ranklab.IntegrationTest;
import org.ranklab.PageSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * api.md 1.1, accounts: disable and enable, role, password reset and change, and the
 * password rule, through the API and a signed-in page session.
 */
class AccountApiTests extends IntegrationTest {

	/** A user of one test: their id, name, password and a token. */
	private record Account(String id, String username, String password, String token) {

		Credentials basic() {
			return ApiClient.basic(username, password);
		}

		Credentials bearer() {
			return ApiClient.bearer(token);
		}

	}

	@Test
	void disablingStopsPasswordTokenAndSessionAtOnce() {
		Account user = newAccount("LABELER");
		PageSession session = PageSession.signIn(port, user.username(), user.password());
		assertThat(session.get("/work").statusCode()).isEqualTo(200);
		assertThat(session.call("GET", "/api/v1/projects", null).statusCode()).isEqualTo(200);

		JsonNode changed = patch(user, "{\"disabled\":true}").expectStatus(200).json();

		assertThat(changed.path("disabled").asBoolean()).isTrue();
		api.get("/api/v1/projects", user.basic()).expectProblem(401);
		api.get("/api/v1/projects", user.bearer()).expectProblem(401);
		HttpResponse<String> page = session.get("/work");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		HttpResponse<String> call = session.call("GET", "/api/v1/projects", null);
		assertThat(call.statusCode()).isEqualTo(401);
		assertThat(call.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		// No Basic challenge to a page's call: the browser would pop up its own dialog.
		assertThat(call.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		// The label page's own endpoint, which asks for JSON: a 401 problem too.
		assertThat(session.call("POST", "/projects/1/label/next", null).statusCode()).isEqualTo(401);
		assertThat(userRow(user).path("disabled").asBoolean()).isTrue();
	}

	@Test
	void enablingAgainRestoresPasswordAndTokensButNotTheOldSessions() {
		Account user = newAccount("LABELER");
		PageSession session = PageSession.signIn(port, user.username(), user.password());
		patch(user, "{\"disabled\":true}").expectStatus(200);

		JsonNode changed = patch(user, "{\"disabled\":false}").expectStatus(200).json();

		assertThat(changed.path("disabled").asBoolean()).isFalse();
		api.get("/api/v1/projects", user.basic()).expectStatus(200);
		api.get("/api/v1/projects", user.bearer()).expectStatus(200);
		assertThat(session.get("/work").statusCode()).isEqualTo(302);
		assertThat(PageSession.signIn(port, user.username(), user.password()).get("/work").statusCode()).isEqualTo(200);
	}

	@Test
	void aDisabledUserIsToldSoOnlyWithTheRightPassword() {
		Account user = newAccount("LABELER");
		patch(user, "{\"disabled\":true}").expectStatus(200);

		assertThat(PageSession.signIn(port, user.username(), user.password()).signInLocation())
			.endsWith("/login?disabled");
		assertThat(PageSession.signIn(port, user.username(), "not-the-password").signInLocation())
			.endsWith("/login?error");
		assertThat(PageSession.signIn(port, user.username(), "not-the-password").get("/login?disabled").body())
			.contains("This account is disabled");
	}

	@Test
	void anAdminCannotDisableThemselves() {
		Account admin = newAccount("ADMIN");

		JsonNode problem = api.patch("/api/v1/users/" + admin.id(), admin.basic(), "{\"disabled\":true}")
			.expectProblem(409);

		assertThat(problem.path("detail").asString()).contains("your own account");
		api.get("/api/v1/users", admin.basic()).expectStatus(200);
	}

	@Test
	void theLastEnabledAdminCanBeNeitherDisabledNorMadeALabeler() {
		Account admin = newAccount("ADMIN");
		// Every other admin out of the way for this test, back afterwards.
		List<Long> others = jdbc.sql("""
				UPDATE users SET disabled_at = now()
				WHERE role = 'ADMIN' AND disabled_at IS NULL AND id <> ? RETURNING id""")
			.param(Long.parseLong(admin.id()))
			.query(Long.class)
			.list();
		try {
			JsonNode problem = api.patch("/api/v1/users/" + admin.id(), admin.basic(), "{\"role\":\"LABELER\"}")
				.expectProblem(409);

			assertThat(problem.path("detail").asString()).contains("last enabled admin");
			api.get("/api/v1/users", admin.basic()).expectStatus(200);
		}
		finally {
			jdbc.sql("UPDATE users SET disabled_at = NULL WHERE id IN (:ids)").param("ids", others).update();
		}
		// With another admin enabled, the same change goes through.
		api.patch("/api/v1/users/" + admin.id(), admin.basic(), "{\"role\":\"LABELER\"}").expectStatus(200);
		api.get("/api/v1/users", admin.basic()).expectProblem(403);
	}

	@Test
	void aNewRoleTakesEffectAtOnceAlsoInOpenSessions() {
		Account user = newAccount("LABELER");
		PageSession session = PageSession.signIn(port, user.username(), user.password());
		assertThat(session.get("/admin/users").statusCode()).isEqualTo(403);

		JsonNode changed = patch(user, "{\"role\":\"ADMIN\"}").expectStatus(200).json();

		assertThat(changed.path("role").asString()).isEqualTo("ADMIN");
		api.get("/api/v1/users", user.basic()).expectStatus(200);
		assertThat(session.get("/admin/users").statusCode()).isEqualTo(200);
		patch(user, "{\"role\":\"LABELER\"}").expectStatus(200);
		assertThat(session.get("/admin/users").statusCode()).isEqualTo(403);
		api.get("/api/v1/users", user.basic()).expectProblem(403);
	}

	@Test
	void anAdminResetsAPasswordAndEndsTheUsersSessions() {
		Account user = newAccount("LABELER");
		PageSession session = PageSession.signIn(port, user.username(), user.password());

		patch(user, "{\"password\":\"a-brand-new-password\"}").expectStatus(200);

		api.get("/api/v1/projects", user.basic()).expectProblem(401);
		api.get("/api/v1/projects", ApiClient.basic(user.username(), "a-brand-new-password")).expectStatus(200);
		api.get("/api/v1/projects", user.bearer()).expectStatus(200);
		assertThat(session.get("/work").statusCode()).isEqualTo(302);
	}

	@Test
	void aChangeIsAllOrNothing() {
		Account user = newAccount("LABELER");

		JsonNode problem = patch(user, "{\"disabled\":true,\"password\":\"short\",\"role\":\"ADMIN\"}")
			.expectProblem(400);

		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("password");
		JsonNode row = userRow(user);
		assertThat(row.path("disabled").asBoolean()).isFalse();
		assertThat(row.path("role").asString()).isEqualTo("LABELER");
		api.get("/api/v1/projects", user.basic()).expectStatus(200);
	}

	@Test
	void refusesUnknownUsersAndRoles() {
		api.patch("/api/v1/users/987654321", admin(), "{\"disabled\":true}").expectProblem(404);
		Account user = newAccount("LABELER");
		assertThat(patch(user, "{\"role\":\"ROOT\"}").expectProblem(400).at("/errors/0/field").asString())
			.isEqualTo("role");
	}

	@Test
	void passwordsOver72BytesAreRefusedNamingTheFieldEverywhere() {
		String tooLong = "p".repeat(73);
		// 37 characters, 74 bytes: the rule counts bytes, not characters.
		String tooLongInBytes = "é".repeat(37);

		for (String password : List.of(tooLong, tooLongInBytes)) {
			JsonNode problem = api
				.post("/api/v1/users", admin(),
						"{\"username\":\"long-%s\",\"password\":\"%s\",\"role\":\"LABELER\"}".formatted(unique(),
								password))
				.expectProblem(400);
			assertThat(problem.at("/errors/0/field").asString()).isEqualTo("password");
			assertThat(problem.at("/errors/0/message").asString()).contains("72 bytes");
		}
		Account user = newAccount("LABELER");
		assertThat(patch(user, "{\"password\":\"%s\"}".formatted(tooLong)).expectProblem(400)
			.at("/errors/0/field")
			.asString()).isEqualTo("password");
		JsonNode own = api
			.put("/api/v1/users/me/password", user.basic(),
					"{\"current_password\":\"%s\",\"new_password\":\"%s\"}".formatted(user.password(), tooLong))
			.expectProblem(400);
		assertThat(own.at("/errors/0/field").asString()).isEqualTo("new_password");
		api.get("/api/v1/projects", user.basic()).expectStatus(200);
		assertThat(jdbc.sql("SELECT count(*) FROM users WHERE username LIKE 'long-%'").query(Long.class).single())
			.isZero();
	}

	@Test
	void aPasswordOfExactly72BytesWorksAndALongerOneAtSignInIsAPlain401() {
		String password = "日".repeat(24);
		String username = "bytes-" + unique();
		api.post("/api/v1/users", admin(),
				"{\"username\":\"%s\",\"password\":\"%s\",\"role\":\"LABELER\"}".formatted(username, password))
			.expectStatus(201);

		api.get("/api/v1/projects", ApiClient.basic(username, password)).expectStatus(200);
		api.get("/api/v1/projects", ApiClient.basic(username, password + "x")).expectProblem(401);
	}

	@Test
	void aUserChangesTheirOwnPasswordProvingTheCurrentOne() {
		Account user = newAccount("LABELER");
		PageSession otherSession = PageSession.signIn(port, user.username(), user.password());

		JsonNode wrong = ownPassword(user.basic(), "not-the-password", "the-next-password").expectProblem(400);
		assertThat(wrong.at("/errors/0/field").asString()).isEqualTo("current_password");
		api.get("/api/v1/projects", user.basic()).expectStatus(200);

		ownPassword(user.basic(), user.password(), "the-next-password").expectStatus(204);

		api.get("/api/v1/projects", user.basic()).expectProblem(401);
		api.get("/api/v1/projects", ApiClient.basic(user.username(), "the-next-password")).expectStatus(200);
		api.get("/api/v1/projects", user.bearer()).expectStatus(200);
		assertThat(otherSession.get("/work").statusCode()).isEqualTo(302);
	}

	@Test
	void theSessionThatChangesItsPasswordStaysSignedIn() {
		Account user = newAccount("LABELER");
		PageSession session = PageSession.signIn(port, user.username(), user.password());
		PageSession otherSession = PageSession.signIn(port, user.username(), user.password());

		HttpResponse<String> changed = session.call("PUT", "/api/v1/users/me/password",
				"{\"current_password\":\"%s\",\"new_password\":\"the-next-password\"}".formatted(user.password()));

		assertThat(changed.statusCode()).isEqualTo(204);
		assertThat(session.get("/work").statusCode()).isEqualTo(200);
		assertThat(otherSession.get("/work").statusCode()).isEqualTo(302);
	}

	@Test
	void wrongCurrentPasswordsAreThrottledLikeSignIns() {
		Account user = newAccount("LABELER");
		String token = user.token();
		for (int i = 0; i < 5; i++) {
			ownPassword(ApiClient.bearer(token), "guess-number-" + i, "the-next-password").expectProblem(400);
		}

		ApiClient.Response throttled = ownPassword(ApiClient.bearer(token), user.password(), "the-next-password");

		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.raw().headers().firstValue("Retry-After")).isPresent();
		assertThat(api.get("/api/v1/projects", user.basic()).status()).isEqualTo(429);
		jdbc.sql("DELETE FROM login_failures WHERE key = ?").param("user:" + user.username()).update();
		api.get("/api/v1/projects", user.basic()).expectStatus(200);
	}

	@Test
	void tokensExpireAfterTheDaysAskedFor() {
		Account user = newAccount("LABELER");

		JsonNode issued = api.post("/api/v1/tokens", user.basic(), "{\"name\":\"month\",\"expires_in_days\":30}")
			.expectStatus(201)
			.json();

		Instant expiresAt = Instant.parse(issued.path("expires_at").asString());
		assertThat(expiresAt).isCloseTo(Instant.now().plus(Duration.ofDays(30)), within(Duration.ofMinutes(1)));
		Credentials bearer = ApiClient.bearer(issued.path("token").asString());
		api.get("/api/v1/projects", bearer).expectStatus(200);
		jdbc.sql("UPDATE access_tokens SET expires_at = now() - interval '1 second' WHERE id = ?")
			.param(Long.parseLong(issued.path("id").asString()))
			.update();
		api.get("/api/v1/projects", bearer).expectProblem(401);
		api.get("/api/v1/projects", user.bearer()).expectStatus(200);
	}

	@Test
	void aTokenWithoutATermNeverExpiresAndTermsAreBounded() {
		Account user = newAccount("LABELER");
		JsonNode forever = api.post("/api/v1/tokens", user.basic(), "{\"name\":\"forever\"}").expectStatus(201).json();
		assertThat(forever.path("expires_at").isNull()).isTrue();

		for (String days : List.of("0", "366", "-1")) {
			JsonNode problem = api
				.post("/api/v1/tokens", user.basic(), "{\"name\":\"bad\",\"expires_in_days\":%s}".formatted(days))
				.expectProblem(400);
			assertThat(problem.at("/errors/0/field").asString()).isEqualTo("expires_in_days");
		}
	}

	@Test
	void anAdminSeesAUsersTokensAndRevokesOne() {
		Account user = newAccount("LABELER");
		JsonNode second = api.post("/api/v1/tokens", user.basic(), "{\"name\":\"second\",\"expires_in_days\":7}")
			.expectStatus(201)
			.json();
		api.get("/api/v1/projects", user.bearer()).expectStatus(200);

		JsonNode tokens = api.get("/api/v1/users/" + user.id() + "/tokens", admin()).expectStatus(200).json();

		assertThat(tokens.valueStream().map(t -> t.path("name").asString())).containsExactly("second", "first");
		JsonNode first = tokens.get(1);
		assertThat(first.propertyNames()).containsExactlyInAnyOrder("id", "name", "created_at", "last_used_at",
				"expires_at");
		assertThat(first.path("last_used_at").isNull()).isFalse();
		assertThat(first.path("expires_at").isNull()).isTrue();
		assertThat(tokens.get(0).path("expires_at").isNull()).isFalse();
		assertThat(tokens.toString()).doesNotContain(user.token());

		api.delete("/api/v1/users/" + user.id() + "/tokens/" + first.path("id").asString(), admin()).expectStatus(204);

		api.get("/api/v1/projects", user.bearer()).expectProblem(401);
		api.get("/api/v1/projects", ApiClient.bearer(second.path("token").asString())).expectStatus(200);
		assertThat(api.get("/api/v1/users/" + user.id() + "/tokens", admin()).expectStatus(200).json().size())
			.isEqualTo(1);
	}

	@Test
	void anAdminRevokesOnlyATokenOfTheUserNamed() {
		Account user = newAccount("LABELER");
		Account other = newAccount("LABELER");
		String othersTokenId = api.get("/api/v1/users/" + other.id() + "/tokens", admin())
			.expectStatus(200)
			.json()
			.get(0)
			.path("id")
			.asString();

		api.delete("/api/v1/users/" + user.id() + "/tokens/" + othersTokenId, admin()).expectProblem(404);

		api.get("/api/v1/projects", other.bearer()).expectStatus(200);
		api.get("/api/v1/users/987654321/tokens", admin()).expectProblem(404);
	}

	@Test
	void theUserListSaysWhoIsDisabled() {
		Account user = newAccount("LABELER");
		patch(user, "{\"disabled\":true}").expectStatus(200);

		assertThat(userRow(user).path("disabled").asBoolean()).isTrue();
		JsonNode admin = api.get("/api/v1/users", admin())
			.expectStatus(200)
			.json()
			.valueStream()
			.filter(u -> u.path("username").asString().equals(ADMIN))
			.findFirst()
			.orElseThrow();
		assertThat(admin.path("disabled").isBoolean()).isTrue();
		assertThat(admin.path("disabled").asBoolean()).isFalse();
	}

	@Test
	void everyAdminActionOnAnAccountIsInTheAuditLog() {
		Account user = newAccount("LABELER");
		String secondToken = api.post("/api/v1/tokens", user.basic(), "{\"name\":\"second\"}")
			.expectStatus(201)
			.json()
			.path("id")
			.asString();
		List<String> tokenIds = api.get("/api/v1/users/" + user.id() + "/tokens", admin())
			.expectStatus(200)
			.json()
			.valueStream()
			.map(t -> t.path("id").asString())
			.toList();

		patch(user, "{\"role\":\"ADMIN\"}").expectStatus(200);
		patch(user, "{\"disabled\":true}").expectStatus(200);
		patch(user, "{\"disabled\":false,\"password\":\"reset-by-the-admin\",\"role\":\"LABELER\"}").expectStatus(200);
		api.delete("/api/v1/users/" + user.id() + "/tokens/" + secondToken, admin()).expectStatus(204);
		api.delete("/api/v1/tokens/" + tokenIds.get(1), admin()).expectStatus(204);
		// Refused and not-a-change calls leave no entry.
		patch(user, "{\"disabled\":false,\"password\":\"short\"}").expectProblem(400);
		patch(user, "{\"disabled\":false}").expectStatus(200);

		List<String> entries = jdbc.sql("""
				SELECT actor || ' ' || action || ' ' || before::text || ' -> ' || after::text FROM audit_log
				WHERE subject_type = 'user' AND subject_id = ? ORDER BY id""")
			.param(user.id())
			.query(String.class)
			.list();
		String first = "{\"revoked\": false, \"token_id\": \"%s\", \"token_name\": \"first\"}"
			.formatted(tokenIds.get(1));
		String second = "{\"revoked\": false, \"token_id\": \"%s\", \"token_name\": \"second\"}".formatted(secondToken);
		assertThat(entries).containsExactly(
				"admin user.created {} -> {\"role\": \"LABELER\", \"username\": \"%s\"}".formatted(user.username()),
				"admin user.role_changed {\"role\": \"LABELER\"} -> {\"role\": \"ADMIN\"}",
				"admin user.disabled {\"disabled\": false} -> {\"disabled\": true}",
				"admin user.role_changed {\"role\": \"ADMIN\"} -> {\"role\": \"LABELER\"}",
				"admin user.enabled {\"disabled\": true} -> {\"disabled\": false}",
				"admin user.password_reset {} -> {}",
				"admin user.token_revoked " + second + " -> " + second.replace("false", "true"),
				"admin user.token_revoked " + first + " -> " + first.replace("false", "true"));
		assertThat(String.join("\n", entries)).doesNotContain("reset-by-the-admin", user.password(), user.token());
	}

	@Test
	void aUserRevokingTheirOwnTokenIsNoAdminAction() {
		Account user = newAccount("LABELER");
		String tokenId = api.get("/api/v1/tokens", user.basic()).expectStatus(200).json().get(0).path("id").asString();

		api.delete("/api/v1/tokens/" + tokenId, user.basic()).expectStatus(204);

		assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE subject_id = ? AND action = 'user.token_revoked'")
			.param(user.id())
			.query(Long.class)
			.single()).isZero();
	}

	private Account newAccount(String role) {
		String username = "account-" + unique();
		String password = "password-" + username;
		String id = api
			.post("/api/v1/users", admin(),
					"{\"username\":\"%s\",\"password\":\"%s\",\"role\":\"%s\"}".formatted(username, password, role))
			.expectStatus(201)
			.json()
			.path("id")
			.asString();
		String token = api.post("/api/v1/tokens", ApiClient.basic(username, password), "{\"name\":\"first\"}")
			.expectStatus(201)
			.json()
			.path("token")
			.asString();
		return new Account(id, username, password, token);
	}

	private ApiClient.Response patch(Account user, String json) {
		return api.patch("/api/v1/users/" + user.id(), admin(), json);
	}

	private ApiClient.Response ownPassword(Credentials credentials, String current, String next) {
		return api.put("/api/v1/users/me/password", credentials,
				"{\"current_password\":\"%s\",\"new_password\":\"%s\"}".formatted(current, next));
	}

	private JsonNode userRow(Account user) {
		return api.get("/api/v1/users", admin())
			.expectStatus(200)
			.json()
			.valueStream()
			.filter(u -> u.path("id").asString().equals(user.id()))
			.findFirst()
			.orElseThrow();
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
