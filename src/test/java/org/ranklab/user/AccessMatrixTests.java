package org.ranklab.user;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ranklab.ApiClient;
import org.ranklab.ApiClient.Credentials;
import org.ranklab.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every operation of the OpenAPI document, read from the running app, called as
 * anonymous, labeler, admin, as another labeler on someone else's assignment or token,
 * and as a labeler who is not a member of the fixture's project (which is for members
 * only), and as a disabled admin (by password and by token). The expected outcome comes
 * from api.md's roles: only {@link #LABELER_OPERATIONS} are open to labelers, and those
 * about a project only to its members. A new endpoint is covered without editing this
 * test, unless it has a path variable or a body the test does not know yet: then the test
 * fails and asks for one.
 */
class AccessMatrixTests extends IntegrationTest {

	/**
	 * api.md: labelers may only label, read projects, manage their own tokens and score
	 * with a model.
	 */
	private static final Set<String> LABELER_OPERATIONS = Set.of("GET /api/v1/projects", "GET /api/v1/projects/{id}",
			"POST /api/v1/projects/{id}/tasks/next", "POST /api/v1/assignments/{id}/ranking",
			"POST /api/v1/assignments/{id}/skip", "POST /api/v1/assignments/{id}/renew", "POST /api/v1/tokens",
			"PUT /api/v1/users/me/password",
			// Their own tokens only (checked below as another labeler's token).
			"GET /api/v1/tokens", "DELETE /api/v1/tokens/{id}",
			// Only in projects that let labelers score (SCORING_OPERATIONS).
			"POST /api/v1/reward-models/{id}/score", "POST /api/v1/projects/{id}/reward-model/score");

	/**
	 * api.md 1.1: labelers score only in projects with {@code labelers_may_score}, which
	 * the fixture's project has; with it off they are refused.
	 */
	private static final Set<String> SCORING_OPERATIONS = Set.of("POST /api/v1/reward-models/{id}/score",
			"POST /api/v1/projects/{id}/reward-model/score");

	/**
	 * api.md 1.1: the reward-serving URL needs no other credentials; its key alone
	 * decides, whoever calls ({@link #checkServingKey}).
	 */
	private static final String SERVING_OPERATION = "POST /api/v1/reward-serving/{key}";

	/** Where an admin's valid call still ends without a 2xx, and why. */
	private static final Map<String, Set<Integer>> ADMIN_NOT_2XX = Map.of(
			// The fixture's run has finished: a finished run cannot be cancelled.
			"POST /api/v1/training-runs/{id}/cancel", Set.of(409));

	/** Fields a refusal may carry: nothing about the thing refused. */
	private static final Set<String> PROBLEM_FIELDS = Set.of("type", "title", "status", "detail", "instance");

	private static final Pattern VARIABLE = Pattern.compile("([^/]+)/\\{([^}]+)}");

	private enum Caller {

		ANONYMOUS, LABELER, OTHER_LABELER, NON_MEMBER, ADMIN,
		/**
		 * An admin whose account was disabled: nothing works, neither password nor token.
		 */
		DISABLED_USER

	}

	private record Operation(String method, String path, boolean hasBody, List<String> requiredQuery) {

		String key() {
			return method + " " + path;
		}

		boolean takes(String kind) {
			return path.contains(kind + "/{");
		}

		/**
		 * About one project: a project's own path, its assignments, its reward models.
		 */
		boolean aboutAProject() {
			return takes("projects") || takes("assignments") || takes("reward-models");
		}

	}

	private final String marker = "matrix-secret-" + UUID.randomUUID().toString().substring(0, 8);

	private Fixture fixture;

	@Test
	void everyOperationOfTheApiDocumentAllowsExactlyWhatTheContractAllows() {
		List<Operation> operations = operationsOfTheApiDocument();
		assertThat(operations).as("operations in /v3/api-docs").hasSizeGreaterThan(25);
		assertThat(operations.stream().map(Operation::key).toList()).as("api.md's labeler operations are documented")
			.containsAll(LABELER_OPERATIONS);
		fixture = new Fixture();

		List<String> outcomes = new ArrayList<>();
		for (Operation operation : operations) {
			outcomes.add(operation.key() + " → " + check(operation));
		}
		System.out.println("Access matrix:\n  " + String.join("\n  ", outcomes));
		fixture.stopTrainingStartedByTheMatrix();
	}

	/**
	 * The operations endpoints are not in the document, but behind the same door: only
	 * health is public.
	 */
	@Test
	void operationsEndpointsAreForAdminsExceptHealth() {
		JsonNode links = api.get("/actuator", admin()).expectStatus(200).json().path("_links");
		List<String> endpoints = new ArrayList<>();
		for (Map.Entry<String, JsonNode> link : links.properties()) {
			if (!link.getValue().path("templated").asBoolean()) {
				endpoints.add(java.net.URI.create(link.getValue().path("href").asString()).getPath());
			}
		}
		assertThat(endpoints).contains("/actuator/health", "/actuator/prometheus");
		Credentials labeler = newLabeler();
		for (String endpoint : endpoints) {
			if (endpoint.startsWith("/actuator/health")) {
				api.get(endpoint, ApiClient.ANONYMOUS).expectStatus(200);
				continue;
			}
			expectRefusal(api.get(endpoint, ApiClient.ANONYMOUS), 401);
			expectRefusal(api.get(endpoint, labeler), 403);
			assertThat(api.get(endpoint, admin()).status()).as(endpoint).isEqualTo(200);
		}
	}

	private Map<Caller, Integer> check(Operation operation) {
		if (operation.key().equals(SERVING_OPERATION)) {
			return checkServingKey(operation);
		}
		Map<Caller, Integer> seen = new LinkedHashMap<>();
		boolean labelerMay = LABELER_OPERATIONS.contains(operation.key());

		seen.put(Caller.ANONYMOUS,
				expectRefusal(call(operation, Caller.ANONYMOUS, validBody(operation, Caller.ANONYMOUS)), 401));
		if (operation.hasBody()) {
			expectRefusal(call(operation, Caller.ANONYMOUS, "{not json"), 401);
		}
		String disabledBody = validBody(operation, Caller.DISABLED_USER);
		seen.put(Caller.DISABLED_USER, expectRefusal(call(operation, Caller.DISABLED_USER, disabledBody), 401));
		expectRefusal(call(operation, ApiClient.bearer(fixture.disabledUserToken), Caller.DISABLED_USER, disabledBody),
				401);
		if (!labelerMay) {
			if (operation.hasBody()) {
				// The role check comes before reading the body: an invalid body is
				// refused for the role, not the body.
				expectRefusal(call(operation, Caller.LABELER, "{not json"), 403);
			}
			seen.put(Caller.LABELER,
					expectRefusal(call(operation, Caller.LABELER, validBody(operation, Caller.LABELER)), 403));
		}
		if (operation.takes("assignments") || operation.takes("tokens")) {
			seen.put(Caller.OTHER_LABELER, checkOtherLabeler(operation));
		}
		if (labelerMay && (operation.aboutAProject() || operation.key().equals("GET /api/v1/projects"))) {
			seen.put(Caller.NON_MEMBER, checkNonMember(operation));
		}
		if (SCORING_OPERATIONS.contains(operation.key())) {
			fixture.labelersMayScore(false);
			try {
				expectRefusal(call(operation, Caller.LABELER, validBody(operation, Caller.LABELER)), 403);
			}
			finally {
				fixture.labelersMayScore(true);
			}
		}
		if (labelerMay) {
			ApiClient.Response response = call(operation, Caller.LABELER, validBody(operation, Caller.LABELER));
			assertThat(response.status()).as("labeler: %s, body %s", operation.key(), response.body())
				.isBetween(200, 299);
			seen.put(Caller.LABELER, response.status());
		}
		ApiClient.Response response = call(operation, Caller.ADMIN, validBody(operation, Caller.ADMIN));
		Set<Integer> expected = ADMIN_NOT_2XX.get(operation.key());
		if (expected == null) {
			assertThat(response.status()).as("admin: %s, body %s", operation.key(), response.body())
				.isBetween(200, 299);
		}
		else {
			assertThat(response.status()).as("admin: %s, body %s", operation.key(), response.body()).isIn(expected);
		}
		seen.put(Caller.ADMIN, response.status());
		return seen;
	}

	/**
	 * Every caller, credentials or none, scores with a live key and is refused
	 * ({@code 401}) with an unknown or revoked one.
	 */
	private Map<Caller, Integer> checkServingKey(Operation operation) {
		Map<Caller, Integer> seen = new LinkedHashMap<>();
		String body = validBody(operation, Caller.ADMIN);
		String live = fixture.servingKeySecret();
		String revoked = fixture.revokedServingKeySecret();
		for (Caller caller : Caller.values()) {
			expectRefusal(api.send("POST", "/api/v1/reward-serving/" + revoked, credentials(caller), "application/json",
					body), 401);
			expectRefusal(api.send("POST", "/api/v1/reward-serving/rs_unknown", credentials(caller), "application/json",
					body), 401);
			ApiClient.Response response = api.send("POST", "/api/v1/reward-serving/" + live, credentials(caller),
					"application/json", body);
			assertThat(response.status()).as("%s with a live key: %s", caller, response.body()).isEqualTo(200);
			seen.put(caller, response.status());
		}
		return seen;
	}

	/**
	 * A labeler who is not a member calls about the project, with their own assignment
	 * from when they were: refused, nothing changed, and the project is not in their
	 * list.
	 */
	private int checkNonMember(Operation operation) {
		ApiClient.Response response = call(operation, Caller.NON_MEMBER, validBody(operation, Caller.NON_MEMBER));
		if (!operation.aboutAProject()) {
			List<String> listed = response.expectStatus(200)
				.json()
				.valueStream()
				.map(project -> project.path("id").asString())
				.toList();
			assertThat(listed).as("projects listed for a non-member").doesNotContain(fixture.project);
			return response.status();
		}
		expectRefusal(response, 403);
		assertThat(fixture.assignmentStatus(fixture.nonMemberTask)).as(operation.key()).isEqualTo("OPEN");
		return response.status();
	}

	/**
	 * Another labeler calls with the first labeler's assignment or token: refused, and
	 * nothing changed.
	 */
	private int checkOtherLabeler(Operation operation) {
		ApiClient.Response response = call(operation, Caller.OTHER_LABELER, validBody(operation, Caller.OTHER_LABELER));
		if (operation.takes("assignments")) {
			// api.md: "the assignment's own user"; the labeling controller documents 403.
			expectRefusal(response, 403);
			assertThat(fixture.assignmentStatus(fixture.openAssignment(Caller.LABELER))).as(operation.key())
				.isEqualTo("OPEN");
		}
		else {
			// Unknown and foreign tokens look alike, so as not to tell which ids exist.
			assertThat(response.status()).as("%s by another labeler: %s", operation.key(), response.body())
				.isIn(403, 404);
			assertNothingLeaks(response);
			api.get("/api/v1/projects", ApiClient.bearer(fixture.tokenSecret(Caller.LABELER))).expectStatus(200);
		}
		return response.status();
	}

	private int expectRefusal(ApiClient.Response response, int status) {
		assertThat(response.status())
			.as("%s %s: %s", response.raw().request().method(), response.raw().request().uri(), response.body())
			.isEqualTo(status);
		assertNothingLeaks(response);
		return status;
	}

	private void assertNothingLeaks(ApiClient.Response response) {
		String where = response.raw().request().method() + " " + response.raw().request().uri();
		assertThat(response.contentType()).as(where).startsWith("application/problem+json");
		assertThat(response.body()).as(where).doesNotContain(marker);
		JsonNode problem = response.json();
		assertThat(problem.propertyNames()).as(where).isSubsetOf(PROBLEM_FIELDS);
		assertThat(problem.path("detail").asString()).as(where).doesNotContainIgnoringCase("exception");
	}

	private ApiClient.Response call(Operation operation, Caller caller, String body) {
		return call(operation, credentials(caller), caller, body);
	}

	private ApiClient.Response call(Operation operation, Credentials credentials, Caller caller, String body) {
		String path = fillVariables(operation.path(), caller);
		String query = operation.requiredQuery()
			.stream()
			.map(name -> name + "=" + requiredQueryValue(operation, name))
			.collect(Collectors.joining("&"));
		String uri = query.isEmpty() ? path : path + "?" + query;
		return api.send(operation.method(), uri, credentials, body == null ? null : "application/json", body);
	}

	private Credentials credentials(Caller caller) {
		return switch (caller) {
			case ANONYMOUS -> ApiClient.ANONYMOUS;
			case LABELER -> fixture.labeler;
			case OTHER_LABELER -> fixture.otherLabeler;
			case NON_MEMBER -> fixture.nonMember;
			case ADMIN -> admin();
			case DISABLED_USER -> fixture.disabledUser;
		};
	}

	/**
	 * Real ids for each path variable, named by the collection it follows. An anonymous
	 * caller and another labeler get the first labeler's assignment and token; everyone
	 * else their own.
	 */
	private String fillVariables(String path, Caller caller) {
		Caller owner = caller == Caller.ADMIN ? Caller.ADMIN : Caller.LABELER;
		Matcher matcher = VARIABLE.matcher(path);
		StringBuilder filled = new StringBuilder();
		while (matcher.find()) {
			String variable = matcher.group(1) + "/{" + matcher.group(2) + "}";
			String id = switch (variable) {
				// Archiving would take the fixture's project away from its labelers.
				case "projects/{id}", "projects/{projectId}" ->
					path.endsWith("archive") ? fixture.projectToArchive : fixture.project;
				case "assignments/{id}" -> fixture.assignmentOf(caller, owner).path("assignment_id").asString();
				case "tokens/{id}" -> fixture.tokenId(owner);
				case "jobs/{id}" -> fixture.job;
				case "training-runs/{id}" -> fixture.trainingRun;
				case "reward-models/{id}" -> fixture.rewardModel;
				case "users/{id}" -> fixture.labelerId;
				case "webhooks/{id}" -> fixture.webhook();
				// A token of the user in the path (users/{id}).
				case "tokens/{tokenId}" -> fixture.tokenId(Caller.LABELER);
				case "exclusions/{labeler}" -> fixture.skipperPseudonym;
				case "serving-keys/{keyId}" -> fixture.servingKeyId();
				case "reward-serving/{key}" -> fixture.servingKeySecret();
				default ->
					fail("path variable %s of %s has no fixture id: add one to AccessMatrixTests", variable, path);
			};
			matcher.appendReplacement(filled, Matcher.quoteReplacement(matcher.group(1) + "/" + id));
		}
		matcher.appendTail(filled);
		return filled.toString();
	}

	private static String requiredQueryValue(Operation operation, String name) {
		return fail("required query parameter %s of %s has no value: add one to AccessMatrixTests", name,
				operation.key());
	}

	/**
	 * A body the operation would accept, so that a wrongly allowed call shows as a 2xx
	 * and not as a 400.
	 */
	private String validBody(Operation operation, Caller caller) {
		if (!operation.hasBody()) {
			return null;
		}
		Map<String, Function<Caller, String>> bodies = new HashMap<>();
		bodies.put("POST /api/v1/projects", c -> "{\"name\":\"Matrix %s %s\"}".formatted(c, UUID.randomUUID()));
		bodies.put("POST /api/v1/users",
				c -> "{\"username\":\"matrix-%s\",\"password\":\"matrix-password\",\"role\":\"LABELER\"}"
					.formatted(UUID.randomUUID().toString().substring(0, 12)));
		bodies.put("POST /api/v1/tokens", c -> "{\"name\":\"matrix\"}");
		bodies.put("PATCH /api/v1/projects/{id}", c -> "{\"lease_seconds\":900}");
		// Changes nothing, so that the labeler can go on.
		bodies.put("PATCH /api/v1/users/{id}", c -> "{\"disabled\":false}");
		// The caller's own password, set again.
		bodies.put("PUT /api/v1/users/me/password", c -> {
			String password = c == Caller.ADMIN ? ADMIN_PASSWORD : marker + "-password";
			return "{\"current_password\":\"%s\",\"new_password\":\"%s\"}".formatted(password, password);
		});
		bodies.put("POST /api/v1/projects/{projectId}/prompts",
				c -> "[{\"prompt\":\"Matrix import %s\"},{\"prompt\":\"Matrix import %s\",\"candidates\":[\"a\",\"b\",\"c\"]}]"
					.formatted(UUID.randomUUID(), UUID.randomUUID()));
		bodies.put("POST /api/v1/projects/{id}/generation",
				c -> "{\"base_url\":\"http://127.0.0.1:9/v1\",\"model\":\"matrix\"}");
		bodies.put("POST /api/v1/projects/{id}/training-runs", c -> "{\"epochs\":1,\"batch_size\":4,\"seed\":1}");
		bodies.put("POST /api/v1/assignments/{id}/ranking",
				c -> rankingOf(fixture.assignmentOf(c, c == Caller.ADMIN ? Caller.ADMIN : Caller.LABELER)));
		bodies.put("PUT /api/v1/projects/{id}/members",
				c -> "{\"user_ids\":[\"%s\",\"%s\"]}".formatted(fixture.labelerId, userIdOf(fixture.otherLabeler)));
		bodies.put("POST /api/v1/reward-models/{id}/score", c -> "{\"prompt\":\"p\",\"responses\":[\"a\",\"b\"]}");
		bodies.put("POST /api/v1/webhooks", c -> fixture.webhookBody());
		bodies.put("POST /api/v1/projects/{id}/reward-model/score",
				c -> "{\"prompt\":\"p\",\"responses\":[\"a\",\"b\"]}");
		bodies.put("PUT /api/v1/projects/{id}/exclusions/{labeler}", c -> "{\"reason\":\"matrix\"}");
		bodies.put(SERVING_OPERATION,
				c -> "{\"query\": [\"a\", \"b\"], \"prompts\": [\"p\", \"q\"], \"labels\": null}");
		Function<Caller, String> body = bodies.get(operation.key());
		if (body == null) {
			return fail("%s takes a body that AccessMatrixTests does not know: add a valid one", operation.key());
		}
		return body.apply(caller);
	}

	/** The assignment's candidates in the order offered, each its own tier. */
	private static String rankingOf(JsonNode task) {
		List<String> tiers = new ArrayList<>();
		for (JsonNode candidate : task.path("candidates")) {
			tiers.add("[\"" + candidate.path("id").asString() + "\"]");
		}
		return "{\"ranking\":[" + String.join(",", tiers) + "]}";
	}

	private List<Operation> operationsOfTheApiDocument() {
		JsonNode document = api.get("/v3/api-docs", ApiClient.ANONYMOUS).expectStatus(200).json();
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
				String method = entry.getKey().toUpperCase();
				if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
					continue;
				}
				JsonNode operation = entry.getValue();
				List<String> required = new ArrayList<>();
				for (JsonNode parameter : operation.path("parameters")) {
					if (parameter.path("in").asString().equals("query") && parameter.path("required").asBoolean()) {
						required.add(parameter.path("name").asString());
					}
				}
				boolean hasBody = !operation.path("requestBody").isMissingNode();
				operations.add(new Operation(method, path.getKey(), hasBody, required));
			}
		}
		return operations;
	}

	/**
	 * One project with prompts, rankings, a trained model, a job, two labelers and their
	 * tokens.
	 */
	private final class Fixture {

		final String project;

		final String projectToArchive = Long.toString(newProject("{\"name\":\"Matrix archive\"}"));

		final Credentials labeler;

		final String labelerId;

		final Credentials otherLabeler;

		final Credentials disabledUser;

		final String disabledUserToken;

		final Credentials nonMember;

		/** The non-member's open assignment, leased while they were a member. */
		final JsonNode nonMemberTask;

		final String job;

		final String trainingRun;

		final String rewardModel;

		/**
		 * A labeler who only skipped a prompt: excluding them changes nothing the other
		 * operations need.
		 */
		final String skipperPseudonym;

		private final Map<Caller, String> tokenSecrets = new HashMap<>();

		Fixture() {
			project = Long.toString(newProject("""
					{"name":"%s project","guidelines":"%s guidelines","min_candidates":2,"max_candidates":4,
					 "rankings_per_prompt":9,"allow_ties":true}""".formatted(marker, marker)));
			StringBuilder prompts = new StringBuilder();
			// One prompt waits for candidates, so that starting a generation has
			// something to do.
			prompts.append("{\"prompt\":\"%s waiting for generation\"}\n".formatted(marker));
			for (int i = 0; i < 40; i++) {
				prompts.append(
						"{\"prompt\":\"%s prompt %d\",\"candidates\":[\"%s good %d\",\"%s fair %d\",\"%s bad %d\"]}\n"
							.formatted(marker, i, marker, i, marker, i, marker, i));
			}
			api.send("POST", "/api/v1/projects/" + project + "/prompts", admin(), "application/x-ndjson",
					prompts.toString())
				.expectStatus(201);
			String username = marker + "-labeler";
			labelerId = api
				.post("/api/v1/users", admin(),
						"{\"username\":\"%s\",\"password\":\"%s-password\",\"role\":\"LABELER\"}".formatted(username,
								marker))
				.expectStatus(201)
				.json()
				.path("id")
				.asString();
			labeler = ApiClient.basic(username, marker + "-password");
			otherLabeler = newLabeler();
			String disabledName = marker + "-disabled-admin";
			String disabledId = api
				.post("/api/v1/users", admin(),
						"{\"username\":\"%s\",\"password\":\"%s-password\",\"role\":\"ADMIN\"}".formatted(disabledName,
								marker))
				.expectStatus(201)
				.json()
				.path("id")
				.asString();
			disabledUser = ApiClient.basic(disabledName, marker + "-password");
			disabledUserToken = api.post("/api/v1/tokens", disabledUser, "{\"name\":\"matrix disabled\"}")
				.expectStatus(201)
				.json()
				.path("token")
				.asString();
			api.patch("/api/v1/users/" + disabledId, admin(), "{\"disabled\":true}").expectStatus(200);
			labelersMayScore(true);
			nonMember = newLabeler();
			membersOnly(labelerId, userIdOf(otherLabeler), userIdOf(nonMember));
			nonMemberTask = api.post("/api/v1/projects/" + project + "/tasks/next", nonMember, null)
				.expectStatus(200)
				.json();
			Credentials skipper = newLabeler();
			membersOnly(labelerId, userIdOf(otherLabeler), userIdOf(skipper));
			rankAFewPrompts();
			skipperPseudonym = skipAPrompt(skipper);
			String[] trained = train();
			trainingRun = trained[0];
			rewardModel = trained[1];
			job = Long.toString(jdbc.sql("""
					INSERT INTO jobs (type, project_id, status, finished_at) VALUES ('matrix', ?, 'CANCELLED', now())
					RETURNING id""").param(Long.parseLong(project)).query(Long.class).single());
		}

		void labelersMayScore(boolean may) {
			api.patch("/api/v1/projects/" + project, admin(), "{\"labelers_may_score\":%b}".formatted(may))
				.expectStatus(200);
		}

		private void membersOnly(Object... userIds) {
			api.patch("/api/v1/projects/" + project, admin(), "{\"access\":\"members\"}").expectStatus(200);
			api.put("/api/v1/projects/" + project + "/members", admin(),
					"{\"user_ids\":[\""
							+ Arrays.stream(userIds).map(String::valueOf).collect(Collectors.joining("\",\"")) + "\"]}")
				.expectStatus(200);
		}

		/**
		 * Rankings with a clear order (the first candidate offered is "good"), enough for
		 * a model.
		 */
		private void rankAFewPrompts() {
			for (int i = 0; i < 16; i++) {
				JsonNode task = api.post("/api/v1/projects/" + project + "/tasks/next", otherLabeler, null)
					.expectStatus(200)
					.json();
				List<String> ids = new ArrayList<>();
				for (String quality : List.of("good", "fair", "bad")) {
					for (JsonNode candidate : task.path("candidates")) {
						if (candidate.path("text").asString().contains(quality)) {
							ids.add("[\"" + candidate.path("id").asString() + "\"]");
						}
					}
				}
				api.post("/api/v1/assignments/" + task.path("assignment_id").asString() + "/ranking", otherLabeler,
						"{\"ranking\":[" + String.join(",", ids) + "]}")
					.expectStatus(201);
			}
		}

		/** A new labeler skips one prompt, which gives them a pseudonym. */
		private String skipAPrompt(Credentials skipper) {
			String assignment = api.post("/api/v1/projects/" + project + "/tasks/next", skipper, null)
				.expectStatus(200)
				.json()
				.path("assignment_id")
				.asString();
			api.post("/api/v1/assignments/" + assignment + "/skip", skipper, null).expectStatus(204);
			return jdbc.sql("""
					SELECT l.pseudonym::text FROM labelers l JOIN assignments a ON a.user_id = l.user_id
					WHERE a.id = ?""").param(Long.parseLong(assignment)).query(String.class).single();
		}

		private String[] train() {
			String run = api
				.post("/api/v1/projects/" + project + "/training-runs", admin(),
						"{\"epochs\":1,\"batch_size\":4,\"validation_fraction\":0.25,\"seed\":1}")
				.expectStatus(202)
				.json()
				.path("id")
				.asString();
			long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
			while (true) {
				JsonNode state = api.get("/api/v1/training-runs/" + run, admin()).expectStatus(200).json();
				String status = state.path("status").asString();
				if (status.equals("SUCCEEDED")) {
					return new String[] { run, state.path("reward_model_id").asString() };
				}
				if (!Set.of("QUEUED", "RUNNING").contains(status) || System.nanoTime() > deadline) {
					return fail("the fixture's training run did not succeed: %s", state);
				}
				pause();
			}
		}

		/**
		 * The assignment a caller answers: the non-member their own from when they were a
		 * member, anyone else the open lease of {@code owner}.
		 */
		JsonNode assignmentOf(Caller caller, Caller owner) {
			return caller == Caller.NON_MEMBER ? nonMemberTask : openAssignment(owner);
		}

		/**
		 * The caller's open lease, taken anew once the last one was ranked or skipped.
		 */
		JsonNode openAssignment(Caller owner) {
			return api.post("/api/v1/projects/" + project + "/tasks/next", credentials(owner), null)
				.expectStatus(200)
				.json();
		}

		String assignmentStatus(JsonNode task) {
			return jdbc.sql("SELECT status FROM assignments WHERE id = ?")
				.param(Long.parseLong(task.path("assignment_id").asString()))
				.query(String.class)
				.single();
		}

		/** A live token of the caller, issued anew once the last one was revoked. */
		String tokenId(Caller owner) {
			String secret = tokenSecrets.get(owner);
			if (secret == null || api.get("/api/v1/projects", ApiClient.bearer(secret)).status() != 200) {
				JsonNode issued = api.post("/api/v1/tokens", credentials(owner), "{\"name\":\"matrix fixture\"}")
					.expectStatus(201)
					.json();
				tokenSecrets.put(owner, issued.path("token").asString());
				tokenIds.put(owner, issued.path("id").asString());
			}
			return tokenIds.get(owner);
		}

		private final Map<Caller, String> tokenIds = new HashMap<>();

		private String webhookId;

		/**
		 * A hook of the fixture's project on a closed port of loopback, made anew once
		 * the last one was deleted.
		 */
		String webhook() {
			if (webhookId == null
					|| api.get("/api/v1/webhooks/" + webhookId + "/deliveries", admin()).status() != 200) {
				webhookId = api.post("/api/v1/webhooks", admin(), webhookBody())
					.expectStatus(201)
					.json()
					.path("id")
					.asString();
			}
			return webhookId;
		}

		String webhookBody() {
			return "{\"url\":\"http://127.0.0.1:9/matrix\",\"events\":[\"project.completed\"],\"project_id\":\"%s\"}"
				.formatted(project);
		}

		private JsonNode servingKey;

		/** A live serving key of the fixture's model, made anew once revoked. */
		String servingKeyId() {
			return liveServingKey().path("id").asString();
		}

		String servingKeySecret() {
			return liveServingKey().path("key").asString();
		}

		private JsonNode liveServingKey() {
			if (servingKey == null || api
				.post("/api/v1/reward-serving/" + servingKey.path("key").asString(), ApiClient.ANONYMOUS,
						"{\"query\":[\"a\"]}")
				.status() != 200) {
				servingKey = newServingKey();
			}
			return servingKey;
		}

		String revokedServingKeySecret() {
			JsonNode key = newServingKey();
			api.delete("/api/v1/reward-models/" + rewardModel + "/serving-keys/" + key.path("id").asString(), admin())
				.expectStatus(204);
			return key.path("key").asString();
		}

		private JsonNode newServingKey() {
			return api.post("/api/v1/reward-models/" + rewardModel + "/serving-keys", admin(), null)
				.expectStatus(201)
				.json();
		}

		String tokenSecret(Caller owner) {
			return tokenSecrets.get(owner);
		}

		/**
		 * The admin's call started a run; it need not train on while the rest of the
		 * suite runs.
		 */
		void stopTrainingStartedByTheMatrix() {
			JsonNode runs = api.get("/api/v1/projects/" + project + "/training-runs", admin()).expectStatus(200).json();
			for (JsonNode run : runs) {
				if (Set.of("QUEUED", "RUNNING").contains(run.path("status").asString())) {
					api.post("/api/v1/training-runs/" + run.path("id").asString() + "/cancel", admin(), null);
				}
			}
		}

	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
