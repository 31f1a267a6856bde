package org.ranklab.labeling;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ranklab.ApiClient.Credentials;
import org.ranklab.IntegrationTest;
import org.ranklab.RankingFixture;
import org.ranklab.RankingFixture.StoredPrompt;

import static org.assertj.core.api.Assertions.assertThat;

class GoldTaskApiTests extends IntegrationTest {

	private RankingFixture fixture;

	@BeforeEach
	void fixture() {
		fixture = new RankingFixture(api, jdbc);
	}

	/**
	 * Each hand-out is gold with probability 0.5 while gold prompts are left: over 120
	 * hand-outs the count of gold ones has mean 60 and standard deviation 5.5, so [30,
	 * 90] (5.5 standard deviations either way) fails once in about 25 million runs.
	 */
	@Test
	void handsOutAboutGoldRateOfTasksAsGoldLookingLikeAnyOther() {
		long project = goldProject("Gold rate", 0.5, 1, records("regular", 130, false) + records("gold", 100, true));
		Credentials labeler = fixture.token(newLabeler());

		int gold = 0;
		Set<String> regularShape = null;
		Set<String> goldShape = null;
		for (int task = 0; task < 120; task++) {
			JsonNode leased = next(project, labeler).expectStatus(200).json();
			boolean isGold = leased.at("/prompt/text").asString().startsWith("gold");
			Set<String> shape = shape(leased);
			if (isGold) {
				gold++;
				goldShape = shape;
			}
			else {
				regularShape = shape;
			}
			api.post("/api/v1/assignments/" + leased.path("assignment_id").asString() + "/skip", labeler, null)
				.expectStatus(204);
		}

		assertThat(gold).isBetween(30, 90);
		assertThat(goldShape).isEqualTo(regularShape);
	}

	/**
	 * Three labelers take turns on 90 regular prompts ranked once each: each gets about
	 * 30, among which they draw the gold prompt but for a chance of 2^-30.
	 */
	@Test
	void goldPromptsGoToEveryLabelerNeverCompleteAndNeverCount() {
		long project = goldProject("Gold for all", 0.5, 1, records("regular", 90, false) + records("gold", 1, true));
		StoredPrompt gold = fixture.promptsOf(project).get("gold 0");
		List<Credentials> labelers = List.of(fixture.token(newLabeler()), fixture.token(newLabeler()),
				fixture.token(newLabeler()));

		rankInTurnsUntilDone(project, labelers);

		assertThat(jdbc.sql("SELECT count(*) FROM rankings WHERE prompt_id = ?")
			.param(gold.id())
			.query(Long.class)
			.single()).isEqualTo(3);
		assertThat(jdbc.sql("SELECT complete FROM prompt_slots WHERE prompt_id = ?")
			.param(gold.id())
			.query(Boolean.class)
			.single()).isFalse();
		JsonNode progress = api.get("/api/v1/projects/" + project, admin()).expectStatus(200).json().path("progress");
		assertThat(progress.path("prompts").asLong()).isEqualTo(90);
		assertThat(progress.path("prompts_complete").asLong()).isEqualTo(90);
		assertThat(progress.path("rankings").asLong()).isEqualTo(90);
	}

	@Test
	void noGoldPromptOnceTheRegularWorkIsDone() {
		long project = goldProject("Gold only mixed in", 0.5, 1,
				records("regular", 1, false) + records("gold", 5, true));
		Credentials labeler = fixture.token(newLabeler());
		List<String> handedOut = new ArrayList<>();

		for (int call = 0; call < 30; call++) {
			var response = next(project, labeler);
			if (response.status() == 204) {
				continue;
			}
			JsonNode task = response.expectStatus(200).json();
			handedOut.add(task.at("/prompt/text").asString());
			api.post("/api/v1/assignments/" + task.path("assignment_id").asString() + "/skip", labeler, null)
				.expectStatus(204);
		}

		// The regular prompt is handed out last: after it, nothing, gold or not.
		assertThat(handedOut).last().isEqualTo("regular 0");
		assertThat(handedOut).allMatch(text -> text.startsWith("gold") || text.equals("regular 0"));
	}

	@Test
	void projectWithoutGoldRateHandsOutNoGold() {
		long project = goldProject("No gold rate", 0, 1, records("regular", 20, false) + records("gold", 20, true));
		Credentials labeler = fixture.token(newLabeler());

		for (int task = 0; task < 20; task++) {
			JsonNode leased = next(project, labeler).expectStatus(200).json();
			assertThat(leased.at("/prompt/text").asString()).startsWith("regular");
			api.post("/api/v1/assignments/" + leased.path("assignment_id").asString() + "/skip", labeler, null)
				.expectStatus(204);
		}
		next(project, labeler).expectStatus(204);
	}

	/** A project with ties allowed and four candidates a prompt, with these records. */
	private long goldProject(String name, double goldRate, int rankingsPerPrompt, String ndjson) {
		long project = newProject(
				"{\"name\":\"%s\",\"rankings_per_prompt\":%d,\"allow_ties\":true}".formatted(name, rankingsPerPrompt));
		api.patch("/api/v1/projects/" + project, admin(), "{\"gold_rate\":" + goldRate + "}").expectStatus(200);
		fixture.importPrompts(project, admin(), ndjson);
		return project;
	}

	/**
	 * The labelers take one task each in turn, ranking its candidates by text, until none
	 * gets another.
	 */
	private void rankInTurnsUntilDone(long project, List<Credentials> labelers) {
		Set<Credentials> done = new java.util.HashSet<>();
		while (done.size() < labelers.size()) {
			for (Credentials labeler : labelers) {
				var response = next(project, labeler);
				if (response.status() == 204) {
					done.add(labeler);
					continue;
				}
				JsonNode task = response.expectStatus(200).json();
				String ranking = task.path("candidates")
					.valueStream()
					.sorted(java.util.Comparator.comparing(c -> c.path("text").asString()))
					.map(c -> "[\"" + c.path("id").asString() + "\"]")
					.collect(Collectors.joining(",", "{\"ranking\":[", "]}"));
				api.post("/api/v1/assignments/" + task.path("assignment_id").asString() + "/ranking", labeler, ranking)
					.expectStatus(201);
			}
		}
	}

	/**
	 * {@code count} records "{kind} {i}" with candidates A to D; gold ones ranked A > B >
	 * C > D.
	 */
	static String records(String kind, int count, boolean gold) {
		return IntStream.range(0, count)
			.mapToObj(i -> "{\"prompt\":\"%s %d\",\"candidates\":[\"A\",\"B\",\"C\",\"D\"]%s}\n".formatted(kind, i,
					gold ? ",\"gold\":[[0],[1],[2],[3]]" : ""))
			.collect(Collectors.joining());
	}

	private static Set<String> shape(JsonNode task) {
		Set<String> fields = new java.util.TreeSet<>(task.propertyNames());
		task.path("prompt").propertyNames().forEach(name -> fields.add("prompt." + name));
		task.path("candidates").get(0).propertyNames().forEach(name -> fields.add("candidates." + name));
		return fields;
	}

	private org.ranklab.ApiClient.Response next(long project, Credentials labeler) {
		return api.post("/api/v1/projects/" + project + "/tasks/next", labeler, null);
	}

}
