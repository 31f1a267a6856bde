package org.ranklab.prompt;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ranklab.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class GoldImportApiTests extends IntegrationTest {

	private static final String NDJSON = "application/x-ndjson";

	private ImportRequests imports;

	@BeforeEach
	void connectImports() {
		imports = new ImportRequests(port);
	}

	@Test
	void storesAGoldRankingAndListsItWithCandidateIds() {
		long project = newProject("{\"name\":\"Gold import\",\"allow_ties\":true}");
		String body = """
				{"prompt": "Regular", "candidates": ["a", "b", "c", "d"]}
				{"prompt": "Gold", "candidates": ["w", "x", "y", "z"], "gold": [[2], [1, 0], [3]]}
				""";

		JsonNode result = imports.text(project, admin(), NDJSON, body).expectStatus(201).json();

		assertThat(result.path("imported").asLong()).isEqualTo(2);
		List<JsonNode> items = api.get("/api/v1/projects/" + project + "/prompts", admin())
			.expectStatus(200)
			.json()
			.path("items")
			.valueStream()
			.toList();
		assertThat(items.get(0).has("gold")).isFalse();
		JsonNode gold = items.get(1);
		List<String> ids = gold.path("candidates").valueStream().map(c -> c.path("id").asString()).toList();
		assertThat(gold.path("gold").valueStream().map(tier -> tier.valueStream().map(JsonNode::asString).toList()))
			.containsExactly(List.of(ids.get(2)), List.of(ids.get(0), ids.get(1)), List.of(ids.get(3)));
		// A gold prompt is not part of the project's progress: it never completes.
		JsonNode progress = api.get("/api/v1/projects/" + project, admin()).expectStatus(200).json().path("progress");
		assertThat(progress.path("prompts").asLong()).isEqualTo(1);
		assertThat(progress.path("prompts_ready").asLong()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT gold FROM prompt_slots WHERE prompt_id = ?")
			.param(Long.parseLong(gold.path("id").asString()))
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void refusesGoldRankingsThatDoNotFitTheirCandidatesNamingTheLines() {
		long project = newProject("{\"name\":\"Bad gold\",\"allow_ties\":false}");
		String body = """
				{"prompt": "fine", "candidates": ["a", "b", "c", "d"], "gold": [[3], [2], [1], [0]]}
				{"prompt": "missing", "candidates": ["a", "b", "c", "d"], "gold": [[0], [1], [2]]}
				{"prompt": "out of range", "candidates": ["a", "b", "c", "d"], "gold": [[0], [1], [2], [4]]}
				{"prompt": "twice", "candidates": ["a", "b", "c", "d"], "gold": [[0], [1], [2], [3], [1]]}
				{"prompt": "tied", "candidates": ["a", "b", "c", "d"], "gold": [[0, 1], [2], [3]]}
				{"prompt": "no candidates", "gold": [[0], [1]]}
				{"prompt": "text", "candidates": ["a", "b", "c", "d"], "gold": "0 > 1 > 2 > 3"}
				{"prompt": "fraction", "candidates": ["a", "b", "c", "d"], "gold": [[0.5], [1], [2], [3]]}
				{"prompt": "empty tier", "candidates": ["a", "b", "c", "d"], "gold": [[0], [], [1], [2], [3]]}
				""";

		JsonNode problem = imports.text(project, admin(), NDJSON, body).expectProblem(400);

		assertThat(problem.path("errors").valueStream().map(e -> e.path("field").asString())).containsOnly("gold");
		assertThat(messages(problem)).containsExactly("line 2: gold must rank every candidate exactly once; missing: 3",
				"line 3: index 4 is not a candidate: the record has 4 (0 to 3)",
				"line 3: gold must rank every candidate exactly once; missing: 3",
				"line 4: candidate 1 appears more than once",
				"line 5: gold tier 1 ties candidates, which this project does not allow",
				"line 6: a gold ranking needs the record's candidates: it ranks them by index",
				"line 7: gold must be tiers of 0-based candidate indices, best first, such as [[0], [2, 1], [3]], "
						+ "not a string",
				"line 8: gold must be tiers of 0-based candidate indices, best first, such as [[0], [2, 1], [3]]; "
						+ "0.5 is not a candidate index",
				"line 9: gold tier 2 is empty: a tier holds one candidate index, or two or more tied");
		assertThat(
				jdbc.sql("SELECT count(*) FROM prompts WHERE project_id = ?").param(project).query(Long.class).single())
			.isZero();
	}

	@Test
	void aJsonArrayNumbersGoldErrorsByElement() {
		long project = newProject("{\"name\":\"Gold array\",\"allow_ties\":true}");
		String body = """
				[{"prompt": "tied is fine here", "candidates": ["a", "b", "c", "d"], "gold": [[0, 1, 2, 3]]},
				 {"prompt": "bad", "candidates": ["a", "b", "c", "d"], "gold": [[0], [1], [2], [-1]]}]""";

		JsonNode problem = imports.text(project, admin(), "application/json", body).expectProblem(400);

		assertThat(messages(problem)).containsExactly("line 2: index -1 is not a candidate: the record has 4 (0 to 3)",
				"line 2: gold must rank every candidate exactly once; missing: 3");
	}

	private static List<String> messages(JsonNode problem) {
		return problem.path("errors")
			.valueStream()
			.map(e -> "line " + e.path("line").asLong() + ": " + e.path("message").asString())
			.toList();
	}

}
