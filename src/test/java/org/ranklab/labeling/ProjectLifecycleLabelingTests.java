package org.ranklab.labeling;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ranklab.ApiClient;
import org.ranklab.ApiClient.Credentials;
import org.ranklab.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the project's lifecycle means for labeling: versioned guidelines, a changed
 * {@code rankings_per_prompt}, archiving.
 */
class ProjectLifecycleLabelingTests extends IntegrationTest {

	private PromptFixture prompts;

	@BeforeEach
	void fixture() {
		prompts = new PromptFixture(jdbc);
	}

	@Test
	void aRankingRecordsTheGuidelinesVersionItsTaskWasShownWith() {
		long project = newProject("{\"name\":\"Versions\",\"min_candidates\":2,\"guidelines\":\"Prefer short\"}");
		prompts.readyPrompt(project, 2);
		prompts.readyPrompt(project, 2);
		Credentials labeler = newLabeler();
		JsonNode first = next(project, labeler).expectStatus(200).json();
		assertThat(first.path("guidelines").asString()).isEqualTo("Prefer short");
		assertThat(first.path("guidelines_version").asInt()).isEqualTo(1);

		edit(project, "{\"guidelines\":\"Prefer correct\"}");
		rank(first, labeler);
		JsonNode second = next(project, labeler).expectStatus(200).json();
		rank(second, labeler);

		assertThat(second.path("guidelines").asString()).isEqualTo("Prefer correct");
		assertThat(second.path("guidelines_version").asInt()).isEqualTo(2);
		assertThat(versionOfRanking(first)).as("the version shown with the task, not the one at submission")
			.isEqualTo(1);
		assertThat(versionOfRanking(second)).isEqualTo(2);
	}

	@Test
	void aLeaseShownAgainUnderNewGuidelinesRecordsTheVersionShownLast() {
		long project = newProject("{\"name\":\"Shown again\",\"min_candidates\":2,\"guidelines\":\"Old\"}");
		prompts.readyPrompt(project, 2);
		Credentials labeler = newLabeler();
		JsonNode leased = next(project, labeler).expectStatus(200).json();

		edit(project, "{\"guidelines\":\"New\"}");
		JsonNode again = next(project, labeler).expectStatus(200).json();
		rank(again, labeler);

		assertThat(again.path("assignment_id").asString()).isEqualTo(leased.path("assignment_id").asString());
		assertThat(again.path("guidelines").asString()).isEqualTo("New");
		assertThat(again.path("guidelines_version").asInt()).isEqualTo(2);
		assertThat(versionOfRanking(again)).isEqualTo(2);
	}

	@Test
	void raisingRankingsPerPromptReopensCompletePrompts() {
		long project = newProject("{\"name\":\"Raised\",\"min_candidates\":2,\"rankings_per_prompt\":1}");
		prompts.readyPrompt(project, 2);
		Credentials early = newLabeler();
		rank(next(project, early).expectStatus(200).json(), early);
		Credentials late = newLabeler();
		next(project, late).expectStatus(204);
		assertThat(progress(project).path("prompts_complete").asInt()).isEqualTo(1);

		edit(project, "{\"rankings_per_prompt\":2}");

		assertThat(progress(project).path("prompts_complete").asInt()).isZero();
		rank(next(project, late).expectStatus(200).json(), late);
		assertThat(progress(project).path("prompts_complete").asInt()).isEqualTo(1);
		assertThat(progress(project).path("rankings").asInt()).isEqualTo(2);
	}

	@Test
	void aRankingIsCountedAgainstTheSettingCommittedNowNotTheOneCachedBeforeAChange() {
		long project = newProject("{\"name\":\"Raised elsewhere\",\"min_candidates\":2,\"rankings_per_prompt\":1}");
		var prompt = prompts.readyPrompt(project, 2);
		Credentials labeler = newLabeler();
		JsonNode task = next(project, labeler).expectStatus(200).json();
		// Raised through another instance: this one still holds the old setting in its
		// cache.
		jdbc.sql("UPDATE projects SET rankings_per_prompt = 2 WHERE id = ?").param(project).update();

		rank(task, labeler);

		assertThat(jdbc.sql("SELECT complete FROM prompt_slots WHERE prompt_id = ?")
			.param(prompt.id())
			.query(Boolean.class)
			.single()).isFalse();
	}

	@Test
	void loweringRankingsPerPromptClosesPromptsThatHaveEnoughWithoutTouchingRankings() {
		long project = newProject("{\"name\":\"Lowered\",\"min_candidates\":2,\"rankings_per_prompt\":3}");
		var full = prompts.readyPrompt(project, 2);
		var half = prompts.readyPrompt(project, 2);
		for (int labeler = 0; labeler < 2; labeler++) {
			Credentials credentials = newLabeler();
			JsonNode task = next(project, credentials).expectStatus(200).json();
			assertThat(task.at("/prompt/id").asString()).isEqualTo(Long.toString(full.id()));
			rank(task, credentials);
		}
		Credentials third = newLabeler();
		JsonNode skipped = next(project, third).expectStatus(200).json();
		assertThat(skipped.at("/prompt/id").asString()).isEqualTo(Long.toString(full.id()));
		api.post("/api/v1/assignments/" + skipped.path("assignment_id").asString() + "/skip", third, null)
			.expectStatus(204);
		rank(next(project, third).expectStatus(200).json(), third);
		List<String> rankingsBefore = rankingsOf(project);

		edit(project, "{\"rankings_per_prompt\":2}");

		assertThat(progress(project).path("prompts_complete").asInt()).isEqualTo(1);
		assertThat(rankingsOf(project)).isEqualTo(rankingsBefore).hasSize(3);
		Credentials fourth = newLabeler();
		JsonNode task = next(project, fourth).expectStatus(200).json();
		assertThat(task.at("/prompt/id").asString()).isEqualTo(Long.toString(half.id()));
		rank(task, fourth);
		next(project, newLabeler()).expectStatus(204);
	}

	@Test
	void anArchivedProjectHandsOutNoTasksAndIsNotListedForLabelersUntilUnarchived() {
		long project = newProject("{\"name\":\"Archived\",\"min_candidates\":2}");
		prompts.readyPrompt(project, 2);
		Credentials labeler = newLabeler();
		JsonNode leased = next(project, labeler).expectStatus(200).json();

		api.post("/api/v1/projects/" + project + "/archive", admin(), null).expectStatus(200);

		next(project, labeler).expectStatus(204);
		next(project, newLabeler()).expectStatus(204);
		assertThat(listedFor(labeler)).doesNotContain(Long.toString(project));
		assertThat(listedFor(admin())).contains(Long.toString(project));
		assertThat(
				api.get("/api/v1/projects/" + project, labeler).expectStatus(200).json().path("archived").asBoolean())
			.isTrue();

		api.post("/api/v1/projects/" + project + "/unarchive", admin(), null).expectStatus(200);

		assertThat(listedFor(labeler)).contains(Long.toString(project));
		assertThat(next(project, labeler).expectStatus(200).json().path("assignment_id").asString())
			.isEqualTo(leased.path("assignment_id").asString());
	}

	private ApiClient.Response next(long project, Credentials labeler) {
		return api.post("/api/v1/projects/" + project + "/tasks/next", labeler, null);
	}

	private void edit(long project, String changes) {
		api.patch("/api/v1/projects/" + project, admin(), changes).expectStatus(200);
	}

	/** Ranks the task in the order its candidates were shown. */
	private void rank(JsonNode task, Credentials labeler) {
		String assignment = task.path("assignment_id").asString();
		List<String> tiers = new ArrayList<>();
		task.path("candidates").forEach(c -> tiers.add("[\"" + c.path("id").asString() + "\"]"));
		api.post("/api/v1/assignments/" + assignment + "/ranking", labeler,
				"{\"ranking\":[" + String.join(",", tiers) + "]}")
			.expectStatus(201);
	}

	private int versionOfRanking(JsonNode task) {
		return jdbc.sql("SELECT guidelines_version FROM rankings WHERE assignment_id = ?")
			.param(Long.parseLong(task.path("assignment_id").asString()))
			.query(Integer.class)
			.single();
	}

	private JsonNode progress(long project) {
		return api.get("/api/v1/projects/" + project, admin()).expectStatus(200).json().path("progress");
	}

	private List<String> rankingsOf(long project) {
		return jdbc.sql("SELECT id || ':' || tiers::text FROM rankings WHERE project_id = ? ORDER BY id")
			.param(project)
			.query(String.class)
			.list();
	}

	private List<String> listedFor(Credentials who) {
		List<String> ids = new ArrayList<>();
		api.get("/api/v1/projects", who).expectStatus(200).json().forEach(p -> ids.add(p.path("id").asString()));
		return ids;
	}

}
