package org.ranklab.labeling;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ranklab.ApiClient;
import org.ranklab.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code POST /assignments/{id}/renew}: the label page keeps its lease while the labeler
 * works, by the project's lease length at a time, never past the 4 h cap
 * ({@code ranklab.labeling.max-lease}) from the lease's start.
 */
class LeaseRenewalTests extends IntegrationTest {

	private PromptFixture prompts;

	private long project;

	private ApiClient.Credentials labeler;

	@BeforeEach
	void fixture() {
		prompts = new PromptFixture(jdbc);
		project = newProject("{\"name\":\"Renewals\",\"lease_seconds\":600}");
		prompts.readyPrompt(project, 4);
		prompts.readyPrompt(project, 4);
		labeler = newLabeler();
	}

	@Test
	void extendsARunningLeaseByTheProjectsLeaseLengthFromNow() {
		String assignment = task().path("assignment_id").asString();
		setLease(assignment, "1 hour", "1 minute");

		JsonNode renewed = renew(assignment, labeler).expectStatus(200).json();

		Instant expires = Instant.parse(renewed.path("lease_expires_at").asString());
		assertThat(expires).isCloseTo(databaseNow().plusSeconds(600), within(Duration.ofSeconds(5)));
		assertThat(storedExpiry(assignment)).isEqualTo(expires);
		assertThat(task().path("lease_expires_at").asString()).as("tasks/next shows the renewed lease")
			.isEqualTo(renewed.path("lease_expires_at").asString());
	}

	@Test
	void neverExtendsALeasePastFourHoursAfterItBegan() {
		String assignment = task().path("assignment_id").asString();
		setLease(assignment, "3 hours 58 minutes", "1 minute");

		Instant capped = Instant
			.parse(renew(assignment, labeler).expectStatus(200).json().path("lease_expires_at").asString());
		Instant again = Instant
			.parse(renew(assignment, labeler).expectStatus(200).json().path("lease_expires_at").asString());

		assertThat(capped).isCloseTo(leasedAt(assignment).plus(Duration.ofHours(4)), within(Duration.ofMillis(1)));
		assertThat(capped).isBefore(databaseNow().plusSeconds(600 - 60));
		assertThat(again).as("at the cap, a renewal changes nothing").isEqualTo(capped);
	}

	@Test
	void keepsTheTimeOnTaskCountingFromTheLeasesStart() {
		JsonNode task = task();
		String assignment = task.path("assignment_id").asString();
		setLease(assignment, "20 minutes", "1 minute");
		renew(assignment, labeler).expectStatus(200);

		api.post("/api/v1/assignments/" + assignment + "/ranking", labeler, rankingOf(task)).expectStatus(201);

		double seconds = jdbc.sql("SELECT seconds_on_task FROM rankings WHERE assignment_id = ?")
			.param(Long.parseLong(assignment))
			.query(Double.class)
			.single();
		assertThat(seconds).isBetween(1200.0, 1260.0);
	}

	@Test
	void refusesWithConflictOnceTheLeaseIsGone() {
		JsonNode ranked = task();
		api.post("/api/v1/assignments/" + ranked.path("assignment_id").asString() + "/ranking", labeler,
				rankingOf(ranked))
			.expectStatus(201);
		renew(ranked.path("assignment_id").asString(), labeler).expectProblem(409);

		String skipped = task().path("assignment_id").asString();
		api.post("/api/v1/assignments/" + skipped + "/skip", labeler, null).expectStatus(204);
		assertThat(renew(skipped, labeler).expectProblem(409).path("detail").asString()).contains("gone");

		long other = newProject("{\"name\":\"Renewals run out\"}");
		prompts.readyPrompt(other, 4);
		String runOut = api.post("/api/v1/projects/" + other + "/tasks/next", labeler, null)
			.expectStatus(200)
			.json()
			.path("assignment_id")
			.asString();
		prompts.expireLease(runOut);
		Instant before = storedExpiry(runOut);
		renew(runOut, labeler).expectProblem(409);
		assertThat(storedExpiry(runOut)).as("a lease that ran out is not brought back").isEqualTo(before);
	}

	@Test
	void refusesWithConflictWhenTheLeaseWasReleased() {
		String assignment = task().path("assignment_id").asString();
		// Disabling the account releases its leases; enabled again, the lease is not
		// back.
		long userId = userIdOf(labeler);
		api.patch("/api/v1/users/" + userId, admin(), "{\"disabled\":true}").expectStatus(200);
		api.patch("/api/v1/users/" + userId, admin(), "{\"disabled\":false}").expectStatus(200);

		renew(assignment, labeler).expectProblem(409);
	}

	@Test
	void isForTheAssignmentsOwnUserOnly() {
		String assignment = task().path("assignment_id").asString();
		Instant before = storedExpiry(assignment);

		renew(assignment, newLabeler()).expectProblem(403);
		renew(assignment, ApiClient.ANONYMOUS).expectStatus(401);
		renew("999999999", labeler).expectProblem(404);

		assertThat(storedExpiry(assignment)).isEqualTo(before);
	}

	private JsonNode task() {
		return api.post("/api/v1/projects/" + project + "/tasks/next", labeler, null).expectStatus(200).json();
	}

	private ApiClient.Response renew(String assignment, ApiClient.Credentials who) {
		return api.post("/api/v1/assignments/" + assignment + "/renew", who, null);
	}

	private void setLease(String assignment, String begunAgo, String endsIn) {
		jdbc.sql("""
				UPDATE assignments SET leased_at = now() - ?::interval, lease_expires_at = now() + ?::interval
				WHERE id = ?""").params(begunAgo, endsIn, Long.parseLong(assignment)).update();
	}

	private Instant storedExpiry(String assignment) {
		return jdbc.sql("SELECT lease_expires_at FROM assignments WHERE id = ?")
			.param(Long.parseLong(assignment))
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
	}

	private Instant leasedAt(String assignment) {
		return jdbc.sql("SELECT leased_at FROM assignments WHERE id = ?")
			.param(Long.parseLong(assignment))
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
	}

	private Instant databaseNow() {
		return jdbc.sql("SELECT now()").query(java.sql.Timestamp.class).single().toInstant();
	}

	private static String rankingOf(JsonNode task) {
		StringBuilder tiers = new StringBuilder();
		for (JsonNode candidate : task.path("candidates")) {
			tiers.append(tiers.isEmpty() ? "" : ",")
				.append("[\"")
				.append(candidate.path("id").asString())
				.append("\"]");
		}
		return "{\"ranking\":[" + tiers + "]}";
	}

}
