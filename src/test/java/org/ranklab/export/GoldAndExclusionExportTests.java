package org.ranklab.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.ranklab.ApiClient.Credentials;
import org.ranklab.IntegrationTest;
import org.ranklab.RankingFixture;
import org.ranklab.RankingFixture.StoredPrompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ranklab.RankingFixture.plan;

class GoldAndExclusionExportTests extends IntegrationTest {

	private static final List<String> EXPORTS = List.of("export/rankings", "export/pairs",
			"export/pairs?source=consensus", "export/consensus", "export/best");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private RankingFixture fixture;

	private Credentials adminToken;

	@BeforeEach
	void fixture() {
		fixture = new RankingFixture(api, jdbc);
		adminToken = fixture.token(admin());
	}

	@Test
	void rankingsOfGoldPromptsAreInNoExport() {
		long project = newProject("{\"name\":\"Gold not exported\",\"rankings_per_prompt\":3}");
		api.patch("/api/v1/projects/" + project, admin(), "{\"gold_rate\":0.5}").expectStatus(200);
		Map<String, StoredPrompt> prompts = fixture.importPrompts(project, admin(), """
				{"prompt": "Regular", "candidates": ["A", "B", "C", "D"]}
				{"prompt": "Gold", "candidates": ["A", "B", "C", "D"], "gold": [[0], [1], [2], [3]]}
				""" + RankingFixture.fillers(30));
		StoredPrompt gold = prompts.get("Gold");
		for (int labeler = 0; labeler < 2; labeler++) {
			fixture.label(project, newLabeler(), plan(prompts.get("Regular"), "A > B > C > D", gold, "B > A > C > D"));
		}
		assertThat(jdbc.sql("SELECT count(*) FROM rankings WHERE prompt_id = ?")
			.param(gold.id())
			.query(Long.class)
			.single()).isEqualTo(2);

		for (String export : EXPORTS) {
			List<JsonNode> lines = lines(project, export, "");
			assertThat(lines).as(export).isNotEmpty();
			assertThat(lines).as(export)
				.allSatisfy(line -> assertThat(line.path("prompt_id").asString())
					.isEqualTo(Long.toString(prompts.get("Regular").id())));
		}
	}

	@Test
	void excludedLabelersLeaveEveryExportUnlessIncludedAndComeBackWhenIncludedAgain() {
		long project = newProject("{\"name\":\"Excluded not exported\",\"rankings_per_prompt\":3}");
		Credentials second = newLabeler();
		fixture.franceAndGreeting(project, newLabeler(), second, newLabeler());
		Map<String, List<JsonNode>> before = everyExport(project, "");
		String path = "/api/v1/projects/" + project + "/exclusions/" + fixture.pseudonym(second);

		api.put(path, adminToken, "{\"reason\":\"ties too much\"}").expectStatus(200);

		Map<String, List<JsonNode>> without = everyExport(project, "");
		assertThat(without.get("export/rankings")).extracting(line -> line.path("labeler").asString())
			.doesNotContain(fixture.pseudonym(second))
			.hasSize(3);
		// France is merged from two rankings; greeting, which only the second ranked,
		// has none left.
		assertThat(without.get("export/consensus")).singleElement()
			.satisfies(line -> assertThat(line.path("rankings").asInt()).isEqualTo(2));
		assertThat(without.get("export/best")).hasSize(1);
		assertThat(without.get("export/pairs")).hasSize(12);
		assertThat(everyExport(project, "?include_excluded=true")).isEqualTo(before);

		api.delete(path, adminToken).expectStatus(204);

		assertThat(everyExport(project, "")).isEqualTo(before);
	}

	@Test
	void refusesAnIncludeExcludedThatIsNeitherTrueNorFalse() {
		long project = newProject("{\"name\":\"Bad include_excluded\"}");

		for (String export : EXPORTS) {
			String path = "/api/v1/projects/" + project + "/" + export + (export.contains("?") ? "&" : "?")
					+ "include_excluded=maybe";
			JsonNode problem = api.get(path, adminToken).expectProblem(400);
			assertThat(problem.at("/errors/0/field").asString()).isEqualTo("include_excluded");
		}
	}

	private Map<String, List<JsonNode>> everyExport(long project, String query) {
		Map<String, List<JsonNode>> exports = new LinkedHashMap<>();
		for (String export : EXPORTS) {
			exports.put(export, lines(project, export, query));
		}
		return exports;
	}

	private List<JsonNode> lines(long project, String export, String query) {
		String path = "/api/v1/projects/" + project + "/" + export
				+ (query.isEmpty() ? "" : (export.contains("?") ? "&" : "?") + query.substring(1));
		return api.get(path, adminToken)
			.expectStatus(200)
			.body()
			.lines()
			.filter(line -> !line.isBlank())
			.map(JSON::readTree)
			.toList();
	}

}
