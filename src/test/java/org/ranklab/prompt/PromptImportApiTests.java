package org.ranklab.prompt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ranklab.ApiClient;
import org.ranklab.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class PromptImportApiTests extends IntegrationTest {

	private static final String NDJSON = "application/x-ndjson";

	private static final String FOUR = "[\"a\",\"b\",\"c\",\"d\"]";

	private ImportRequests imports;

	@BeforeEach
	void connectImports() {
		imports = new ImportRequests(port);
	}

	@Test
	void importsNdjsonWithStringAndObjectCandidatesKeepingProvenance() {
		long project = newProject("{\"name\":\"ndjson\"}");
		String body = """
				{"external_id":"q1","prompt":"Capital of France?","candidates":["Paris","Lyon","Nice","Lille"],"meta":{"source":"geo"}}

				{"prompt":"Say hi","candidates":[{"text":"hi","model":"m-7b","meta":{"temperature":0.7}},"hello",{"text":"hey"},"yo"]}
				""";

		JsonNode result = imports.text(project, admin(), NDJSON, body).expectStatus(201).json();

		assertThat(result.path("imported").asLong()).isEqualTo(2);
		assertThat(result.path("duplicates").asLong()).isZero();
		assertThat(result.path("waiting_for_generation").asLong()).isZero();
		assertThat(jdbc.sql("SELECT meta->>'source' FROM prompts WHERE project_id = ? AND external_id = 'q1'")
			.param(project)
			.query(String.class)
			.single()).isEqualTo("geo");
		assertThat(jdbc.sql("SELECT count(*) FROM prompts WHERE project_id = ? AND ready_at IS NOT NULL")
			.param(project)
			.query(Long.class)
			.single()).isEqualTo(2);
		List<String> hi = jdbc
			.sql("""
					SELECT c.position || ':' || c.text || ':' || coalesce(c.model, '-') || ':' || coalesce(c.meta->>'temperature', '-')
					FROM candidates c JOIN prompts p ON p.id = c.prompt_id
					WHERE p.project_id = ? AND p.text = 'Say hi' ORDER BY c.position""")
			.param(project)
			.query(String.class)
			.list();
		assertThat(hi).containsExactly("0:hi:m-7b:0.7", "1:hello:-:-", "2:hey:-:-", "3:yo:-:-");
	}

	@Test
	void importsAJsonArrayAndNumbersLinesByElement() {
		long project = newProject("{\"name\":\"json\"}");
		String body = """
				[
				  {"prompt": "One", "candidates": ["a", "b", "c", "d"]},
				  {"prompt": "Two", "candidates": ["a", "b", "c", "d", "e"]}
				]""";

		JsonNode result = imports.text(project, admin(), "application/json", body).expectStatus(201).json();

		assertThat(result.path("imported").asLong()).isEqualTo(2);
		assertThat(candidatesOf(project, "Two")).isEqualTo(5);

		JsonNode problem = imports
			.text(project, admin(), "application/json",
					"[{\"prompt\":\"ok\",\"candidates\":" + FOUR + "},\n {\"prompt\":\"\",\"candidates\":" + FOUR
							+ "}]")
			.expectProblem(400);
		assertThat(problem.at("/errors/0/line").asLong()).isEqualTo(2);
		assertThat(problem.at("/errors/0/message").asString()).isEqualTo("prompt is blank");
		JsonNode notAnArray = imports.text(project, admin(), "application/json", "{\"prompt\":\"one\"}")
			.expectProblem(400);
		assertThat(notAnArray.at("/errors/0/message").asString()).startsWith("a JSON body must be an array");
		assertThat(promptsIn(project)).isEqualTo(2);
	}

	@Test
	void importsCsvWithQuotesEmbeddedCommasNewlinesAndAByteOrderMark() {
		long project = newProject("{\"name\":\"csv\"}");
		String csv = "\uFEFFexternal_id,prompt,candidate_1,candidate_2,candidate_3,candidate_4\r\n"
				+ "c1,\"Write \"\"hello\"\", please\",\"line one\nline two\",\"a, b\",c,d\r\n"
				+ "c2,Plain prompt,w,x,y,z\r\n";

		JsonNode result = imports.text(project, admin(), "text/csv", csv).expectStatus(201).json();

		assertThat(result.path("imported").asLong()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT text FROM prompts WHERE project_id = ? AND external_id = 'c1'")
			.param(project)
			.query(String.class)
			.single()).isEqualTo("Write \"hello\", please");
		assertThat(jdbc.sql("""
				SELECT c.text FROM candidates c JOIN prompts p ON p.id = c.prompt_id
				WHERE p.project_id = ? AND p.external_id = 'c1' ORDER BY c.position""")
			.param(project)
			.query(String.class)
			.list()).containsExactly("line one\nline two", "a, b", "c", "d");
	}

	@Test
	void csvRowsWithoutCandidatesWaitAndShortRowsMayLeaveTrailingCellsEmpty() {
		long project = newProject("{\"name\":\"csv short\",\"min_candidates\":2}");
		String csv = """
				prompt,candidate_1,candidate_2,candidate_3
				Needs generation,,,
				Two answers,yes,no,
				""";

		JsonNode result = imports.text(project, admin(), "text/csv", csv).expectStatus(201).json();

		assertThat(result.path("imported").asLong()).isEqualTo(2);
		assertThat(result.path("waiting_for_generation").asLong()).isEqualTo(1);
		assertThat(candidatesOf(project, "Two answers")).isEqualTo(2);
	}

	@Test
	void acceptsMultipartUploadsChosenByExtensionOrPartType() {
		long project = newProject("{\"name\":\"multipart\"}");
		byte[] jsonl = ("{\"prompt\":\"p1\",\"candidates\":" + FOUR + "}\n").getBytes(StandardCharsets.UTF_8);
		byte[] json = ("[{\"prompt\":\"p2\",\"candidates\":" + FOUR + "}]").getBytes(StandardCharsets.UTF_8);
		byte[] csv = "prompt,candidate_1,candidate_2,candidate_3,candidate_4\np3,a,b,c,d\n"
			.getBytes(StandardCharsets.UTF_8);

		imports.upload(project, admin(), "prompts.jsonl", "application/octet-stream", jsonl).expectStatus(201);
		imports.upload(project, admin(), "prompts.json", null, json).expectStatus(201);
		imports.upload(project, admin(), "prompts.csv", "text/csv", csv).expectStatus(201);
		imports
			.upload(project, admin(), "export", NDJSON,
					"{\"prompt\":\"p4\",\"candidates\":[\"a\",\"b\",\"c\",\"d\"]}".getBytes(StandardCharsets.UTF_8))
			.expectStatus(201);

		assertThat(jdbc.sql("SELECT text FROM prompts WHERE project_id = ? ORDER BY id")
			.param(project)
			.query(String.class)
			.list()).containsExactly("p1", "p2", "p3", "p4");
	}

	@Test
	void storesPromptsWithoutCandidatesAsWaitingForGeneration() {
		long project = newProject("{\"name\":\"waiting\"}");
		String body = "{\"prompt\":\"Needs answers\"}\n{\"prompt\":\"Also\",\"candidates\":[]}\n"
				+ "{\"prompt\":\"Ready\",\"candidates\":" + FOUR + "}\n";

		JsonNode result = imports.text(project, admin(), NDJSON, body).expectStatus(201).json();

		assertThat(result.path("imported").asLong()).isEqualTo(3);
		assertThat(result.path("waiting_for_generation").asLong()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT count(*) FROM prompts WHERE project_id = ? AND ready_at IS NULL")
			.param(project)
			.query(Long.class)
			.single()).isEqualTo(2);
		JsonNode progress = api.get("/api/v1/projects/" + project, admin()).expectStatus(200).json().path("progress");
		assertThat(progress.path("prompts").asLong()).isEqualTo(3);
		assertThat(progress.path("prompts_ready").asLong()).isEqualTo(1);
	}

	@Test
	void skipsExternalIdsTheProjectHasAndRepeatsWithinTheFile() {
		long project = newProject("{\"name\":\"dedup\"}");
		imports.text(project, admin(), NDJSON, record("x1", "first") + record("x2", "second")).expectStatus(201);
		long other = newProject("{\"name\":\"dedup elsewhere\"}");
		imports.text(other, admin(), NDJSON, record("x3", "other project")).expectStatus(201);

		JsonNode result = imports
			.text(project, admin(), NDJSON,
					record("x1", "again") + record("x3", "new here") + record("x3", "repeat in file")
							+ record(null, "no id"))
			.expectStatus(201)
			.json();

		assertThat(result.path("imported").asLong()).isEqualTo(2);
		assertThat(result.path("duplicates").asLong()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT text FROM prompts WHERE project_id = ? ORDER BY id")
			.param(project)
			.query(String.class)
			.list()).containsExactly("first", "second", "new here", "no id");
	}

	@Test
	void concurrentImportsOfTheSameFileStoreEachPromptOnce() {
		long project = newProject("{\"name\":\"concurrent\"}");
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < 3000; i++) {
			body.append(record("c" + i, "prompt " + i));
		}

		List<CompletableFuture<JsonNode>> running = IntStream.range(0, 3)
			.mapToObj(i -> CompletableFuture
				.supplyAsync(() -> imports.text(project, admin(), NDJSON, body.toString()).expectStatus(201).json()))
			.toList();
		List<JsonNode> results = running.stream().map(CompletableFuture::join).toList();

		assertThat(results.stream().mapToLong(r -> r.path("imported").asLong()).sum()).isEqualTo(3000);
		assertThat(results.stream().mapToLong(r -> r.path("duplicates").asLong()).sum()).isEqualTo(6000);
		assertThat(promptsIn(project)).isEqualTo(3000);
	}

	@Test
	void appliesTheProjectsOwnCandidateRange() {
		long project = newProject("{\"name\":\"two to three\",\"min_candidates\":2,\"max_candidates\":3}");
		String body = "{\"prompt\":\"ok\",\"candidates\":[\"a\",\"b\"]}\n"
				+ "{\"prompt\":\"four\",\"candidates\":[\"a\",\"b\",\"c\",\"d\"]}\n"
				+ "{\"prompt\":\"one\",\"candidates\":[\"a\"]}\n";

		JsonNode problem = imports.text(project, admin(), NDJSON, body).expectProblem(400);

		assertThat(messages(problem)).containsExactly("line 2: 4 candidates, this project needs 2 to 3",
				"line 3: 1 candidate, this project needs 2 to 3");
		assertThat(promptsIn(project)).isZero();
		imports.text(project, admin(), NDJSON, "{\"prompt\":\"three\",\"candidates\":[\"a\",\"b\",\"c\"]}")
			.expectStatus(201);
	}

	@Test
	void refusesTooFewCandidatesWithAClearMessage() {
		long project = newProject("{\"name\":\"four to nine\"}");
		String body = record("a", "fine") + "{\"prompt\":\"short\",\"candidates\":[\"a\",\"b\",\"c\"]}\n";

		JsonNode problem = imports.text(project, admin(), NDJSON, body).expectProblem(400);

		assertThat(problem.path("detail").asString()).contains("line 2: 3 candidates, this project needs 4 to 9");
		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("candidates");
		assertThat(promptsIn(project)).isZero();
	}

	@Test
	void refusesTooManyCandidates() {
		long project = newProject("{\"name\":\"too many\"}");
		String ten = "[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\"]";

		JsonNode problem = imports.text(project, admin(), NDJSON, "{\"prompt\":\"p\",\"candidates\":" + ten + "}")
			.expectProblem(400);

		assertThat(messages(problem)).containsExactly("line 1: 10 candidates, this project needs 4 to 9");
		assertThat(promptsIn(project)).isZero();
	}

	@Test
	void refusesBrokenJsonNamingEveryBrokenLine() {
		long project = newProject("{\"name\":\"broken\"}");
		String body = record("1", "ok") + "{\"prompt\": \"unterminated\n" + record("3", "ok") + "not json at all\n";

		JsonNode problem = imports.text(project, admin(), NDJSON, body).expectProblem(400);

		assertThat(problem.path("errors").valueStream().map(e -> e.path("line").asLong())).containsExactly(2L, 4L);
		assertThat(problem.at("/errors/0/message").asString()).startsWith("malformed JSON");
		assertThat(promptsIn(project)).isZero();
	}

	@Test
	void refusesBrokenJsonInAnArray() {
		long project = newProject("{\"name\":\"broken array\"}");
		String body = "[{\"prompt\":\"ok\",\"candidates\":" + FOUR + "},\n{\"prompt\": tru}]";

		JsonNode problem = imports.text(project, admin(), "application/json", body).expectProblem(400);

		assertThat(problem.at("/errors/0/line").asLong()).isEqualTo(2);
		assertThat(problem.at("/errors/0/message").asString()).startsWith("malformed JSON at text line 2");
		assertThat(promptsIn(project)).isZero();
	}

	@Test
	void refusesWrongTypesAndUnknownFields() {
		long project = newProject("{\"name\":\"types\"}");
		String body = """
				{"prompt": 42, "candidates": ["a","b","c","d"]}
				{"prompt": "p", "candidates": "a b c d"}
				{"prompt": "p", "candidates": ["a", 2, "c", "d"], "external_id": 7}
				{"prompt": "p", "candidates": ["a","b","c","d"], "meta": [1]}
				{"prompt": "p", "candidate": ["a","b","c","d"]}
				["not", "an", "object"]
				{"prompt": "p", "candidates": [{"text": "a", "model": 3}, {"txt": "b"}, "c", "d"]}
				""";

		JsonNode problem = imports.text(project, admin(), NDJSON, body).expectProblem(400);

		assertThat(messages(problem)).containsExactly("line 1: prompt must be a string, not a number",
				"line 2: candidates must be an array of strings or {\"text\": ...} objects, not a string",
				"line 3: external_id must be a string, not a number",
				"line 3: candidate 2 must be a string or an object with \"text\", not a number",
				"line 4: meta must be a JSON object, not an array",
				"line 5: unknown field 'candidate'; a record has prompt (or messages), candidates, external_id, meta and gold",
				"line 6: a record must be a JSON object such as {\"prompt\": \"...\", \"candidates\": [\"...\", \"...\"]}, not an array",
				"line 7: candidate 1: model must be a string, not a number",
				"line 7: candidate 2: unknown field 'txt'; a candidate has text, model and meta",
				"line 7: candidate 2 has no \"text\"");
		assertThat(promptsIn(project)).isZero();
	}

	@Test
	void refusesBlankPromptsAndMissingPrompts() {
		long project = newProject("{\"name\":\"blank\"}");
		String body = "{\"prompt\":\"  \\n \",\"candidates\":" + FOUR + "}\n{\"candidates\":" + FOUR + "}\n";

		JsonNode problem = imports.text(project, admin(), NDJSON, body).expectProblem(400);

		assertThat(messages(problem)).containsExactly("line 1: prompt is blank", "line 2: prompt is missing");
		assertThat(promptsIn(project)).isZero();
	}

	@Test
	void refusesBlankAndDuplicateCandidates() {
		long project = newProject("{\"name\":\"candidates\"}");
		String body = "{\"prompt\":\"p\",\"candidates\":[\"a\",\" \",\"c\",\"d\"]}\n"
				+ "{\"prompt\":\"q\",\"candidates\":[\"same\",\"b\",{\"text\":\"same \"},\"d\"]}\n";

		JsonNode problem = imports.text(project, admin(), NDJSON, body).expectProblem(400);

		assertThat(messages(problem)).containsExactly("line 1: candidate 2 is blank",
				"line 2: candidates 1 and 3 are identical");
		assertThat(promptsIn(project)).isZero();
	}

	@Test
	void refusesTextPostgresCannotStore() {
		long project = newProject("{\"name\":\"nul\"}");
		String body = "{\"prompt\":\"a\\u0000b\",\"candidates\":" + FOUR + ",\"meta\":{\"k\":\"\\u0000\"}}\n";

		JsonNode problem = imports.text(project, admin(), NDJSON, body).expectProblem(400);

		assertThat(messages(problem)).containsExactly(
				"line 1: prompt contains a NUL character (\\u0000), which cannot be stored",
				"line 1: meta contains \\u0000, which cannot be stored");
		assertThat(promptsIn(project)).isZero();
	}

	@Test
	void refusesUnknownCsvColumns() {
		long project = newProject("{\"name\":\"csv columns\"}");
		String csv = "prompt,candidate_1,answer,candidate_10\np,a,b,c\n";

		JsonNode problem = imports.text(project, admin(), "text/csv", csv).expectProblem(400);

		assertThat(problem.path("errors").valueStream().map(e -> e.path("field").asString())).containsExactly("answer",
				"candidate_10");
		assertThat(problem.at("/errors/0/line").asLong()).isEqualTo(1);
		assertThat(problem.at("/errors/0/message").asString()).startsWith("unknown column 'answer'");
		assertThat(promptsIn(project)).isZero();
	}

	@Test
	void refusesCsvRowsWithTheWrongNumberOfFields() {
		long project = newProject("{\"name\":\"csv count\"}");
		String csv = "prompt,candidate_1,candidate_2,candidate_3,candidate_4\n" + "ok,a,b,c,d\n"
				+ "\"multi\nline\",a,b,c,d\n" + "short,a,b\n";

		JsonNode problem = imports.text(project, admin(), "text/csv", csv).expectProblem(400);

		assertThat(messages(problem)).containsExactly("line 5: 3 fields, but the header has 5");
		assertThat(promptsIn(project)).isZero();
	}

	@Test
	void refusesInvalidUtf8NamingTheLine() {
		long project = newProject("{\"name\":\"utf8\"}");
		byte[] bad = { (byte) 0xC3, (byte) 0x28 };

		JsonNode ndjson = imports
			.bytes(project, admin(), NDJSON,
					concat(record("1", "ok") + record("2", "ok") + "{\"prompt\":\"", bad, "\"}\n" + record("4", "ok")))
			.expectProblem(400);
		JsonNode csv = imports
			.bytes(project, admin(), "text/csv",
					concat("prompt,candidate_1,candidate_2,candidate_3,candidate_4\n\"two\nlines\",a,b,c,d\nx,", bad,
							",b,c,d\n"))
			.expectProblem(400);
		JsonNode array = imports
			.bytes(project, admin(), "application/json",
					concat("[{\"prompt\":\"ok\",\"candidates\":" + FOUR + "},{\"prompt\":\"", bad, "\"}]"))
			.expectProblem(400);

		assertThat(messages(ndjson))
			.containsExactly("line 3: not valid UTF-8 (byte 0xC3); the file must be UTF-8 encoded");
		assertThat(messages(csv))
			.containsExactly("line 4: not valid UTF-8 (byte 0xC3); the file must be UTF-8 encoded");
		assertThat(array.at("/errors/0/line").asLong()).isEqualTo(2);
		assertThat(array.at("/errors/0/message").asString()).contains("UTF-8");
		assertThat(promptsIn(project)).isZero();
	}

	@Test
	void refusesAnEmptyBodyInEveryFormat() {
		long project = newProject("{\"name\":\"empty\"}");

		for (String[] body : new String[][] { { NDJSON, "" }, { NDJSON, "\n\n  \n" }, { "application/json", "[]" },
				{ "application/json", "" }, { "text/csv", "prompt,candidate_1\n" }, { "text/csv", "" } }) {
			JsonNode problem = imports.text(project, admin(), body[0], body[1]).expectProblem(400);
			assertThat(problem.path("detail").asString()).as(body[0] + " " + body[1]).contains("no records");
		}
		imports.upload(project, admin(), "empty.jsonl", null, new byte[0]).expectProblem(400);
		assertThat(promptsIn(project)).isZero();
	}

	@Test
	void refusesUnsupportedContentTypes() {
		long project = newProject("{\"name\":\"types of body\"}");
		String body = record("1", "p");

		JsonNode plain = imports.text(project, admin(), "text/plain", body).expectProblem(415);
		imports.text(project, admin(), null, body).expectProblem(415);
		JsonNode latin1 = imports.text(project, admin(), "text/csv; charset=ISO-8859-1", body).expectProblem(415);
		JsonNode upload = imports
			.upload(project, admin(), "prompts.txt", "text/plain", body.getBytes(StandardCharsets.UTF_8))
			.expectProblem(415);

		assertThat(plain.path("detail").asString()).contains("application/x-ndjson");
		assertThat(latin1.path("detail").asString()).contains("only UTF-8");
		assertThat(upload.path("detail").asString()).contains("prompts.txt");
		imports
			.upload(project, admin(), "prompts.jsonl", "application/x-ndjson; charset=utf-8",
					body.getBytes(StandardCharsets.UTF_8))
			.expectStatus(201);
	}

	@Test
	void refusesABodyOverTheSizeLimit() {
		long project = newProject("{\"name\":\"too large\"}");
		int records = 5 * 1024 * 1024 / 60; // the test limit is 4 MB; each generated line
											// is about 80 bytes

		JsonNode streamed = imports.stream(project, admin(), NDJSON, () -> new GeneratedNdjson(records, 4))
			.expectProblem(413);
		byte[] large = new byte[5 * 1024 * 1024];
		JsonNode declared = imports.bytes(project, admin(), NDJSON, large).expectProblem(413);
		JsonNode uploaded = imports.upload(project, admin(), "large.jsonl", null, large).expectProblem(413);

		assertThat(streamed.path("detail").asString()).contains("larger than the limit of 4 MB");
		assertThat(declared.path("detail").asString()).contains("larger than the limit");
		assertThat(uploaded.path("detail").asString()).contains("larger than the");
		assertThat(promptsIn(project)).isZero();
	}

	@Test
	void reportsTheFirstHundredErrorsThenACount() {
		long project = newProject("{\"name\":\"many errors\"}");
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < 250; i++) {
			body.append("{\"prompt\":\"p").append(i).append("\",\"candidates\":[\"only one\"]}\n");
		}

		JsonNode problem = imports.text(project, admin(), NDJSON, body.toString()).expectProblem(400);

		JsonNode errors = problem.path("errors");
		assertThat(errors.size()).isEqualTo(101);
		assertThat(errors.get(99).path("line").asLong()).isEqualTo(100);
		assertThat(errors.get(100).path("message").asString()).isEqualTo("and 150 more errors");
		assertThat(problem.path("detail").asString()).startsWith("250 errors, nothing was imported");
	}

	@Test
	void rollsBackBatchesStoredBeforeALaterError() {
		long project = newProject("{\"name\":\"late error\"}");
		int valid = PromptBatchWriter.BATCH_RECORDS * 2 + 10;
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < valid; i++) {
			body.append(record("r" + i, "prompt " + i));
		}
		body.append("{\"prompt\":\"last\",\"candidates\":[\"x\"]}\n");

		JsonNode problem = imports.text(project, admin(), NDJSON, body.toString()).expectProblem(400);

		assertThat(problem.at("/errors/0/line").asLong()).isEqualTo(valid + 1);
		assertThat(promptsIn(project)).isZero();
		assertThat(jdbc
			.sql("SELECT count(*) FROM candidates c JOIN prompts p ON p.id = c.prompt_id WHERE p.project_id = ?")
			.param(project)
			.query(Long.class)
			.single()).isZero();
		assertThat(slotsIn(project)).isZero();
	}

	@Test
	void opensALabelingSlotForEveryReadyPromptOfEveryBatch() {
		long project = newProject("{\"name\":\"slots\"}");
		int records = PromptBatchWriter.BATCH_RECORDS * 2 + 10;
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < records; i++) {
			body.append(i % 3 == 0 ? "{\"prompt\":\"waits " + i + "\"}\n" : record("s" + i, "prompt " + i));
		}

		JsonNode result = imports.text(project, admin(), NDJSON, body.toString()).expectStatus(201).json();

		long waiting = (records + 2) / 3;
		assertThat(result.path("waiting_for_generation").asLong()).isEqualTo(waiting);
		assertThat(slotsIn(project)).isEqualTo(records - waiting);
		// Exactly the ready prompts, each fresh: no ranking yet, not complete.
		assertThat(jdbc.sql("""
				SELECT count(*) FROM prompts p FULL JOIN prompt_slots s ON s.prompt_id = p.id
				WHERE (p.project_id = :project OR s.project_id = :project)
				  AND (p.ready_at IS NULL OR s.prompt_id IS NULL OR s.project_id <> p.project_id
				       OR s.rankings <> 0 OR s.complete)
				  AND NOT (p.ready_at IS NULL AND s.prompt_id IS NULL)""")
			.param("project", project)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void streamsTwentyThousandPromptsThroughTheApi() {
		long project = newProject("{\"name\":\"streamed\",\"max_candidates\":5}");

		JsonNode result = imports.stream(project, admin(), NDJSON, () -> new GeneratedNdjson(20_000, 5))
			.expectStatus(201)
			.json();

		assertThat(result.path("imported").asLong()).isEqualTo(20_000);
		assertThat(promptsIn(project)).isEqualTo(20_000);
		assertThat(jdbc
			.sql("SELECT count(*) FROM candidates c JOIN prompts p ON p.id = c.prompt_id WHERE p.project_id = ?")
			.param(project)
			.query(Long.class)
			.single()).isEqualTo(100_000);
		assertThat(jdbc.sql("SELECT text FROM prompts WHERE project_id = ? AND external_id = 'gen-19999'")
			.param(project)
			.query(String.class)
			.single()).isEqualTo("Generated prompt 19999 with a tab\t and ünïcödé");

		JsonNode again = imports.stream(project, admin(), NDJSON, () -> new GeneratedNdjson(20_000, 5))
			.expectStatus(201)
			.json();
		assertThat(again.path("imported").asLong()).isZero();
		assertThat(again.path("duplicates").asLong()).isEqualTo(20_000);
	}

	@Test
	void refusesMultipartUploadsWithoutAFilePartOrThatCannotBeParsed() {
		long project = newProject("{\"name\":\"bad multipart\"}");
		String boundary = "----ranklab-test";
		String otherPart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"notes\"\r\n\r\nhello\r\n--"
				+ boundary + "--\r\n";

		JsonNode missing = imports.text(project, admin(), "multipart/form-data; boundary=" + boundary, otherPart)
			.expectProblem(400);
		imports.text(project, admin(), "multipart/form-data; boundary=" + boundary, "--" + boundary + "\r\ngarbage")
			.expectProblem(400);

		assertThat(missing.at("/errors/0/field").asString()).isEqualTo("file");
		assertThat(promptsIn(project)).isZero();
	}

	@Test
	void unknownProjectIsNotFound() {
		imports.text(987_654_321L, admin(), NDJSON, record("1", "p")).expectProblem(404);
	}

	@Test
	void onlyAdminsImport() {
		long project = newProject("{\"name\":\"roles\"}");

		imports.text(project, newLabeler(), NDJSON, record("1", "p")).expectProblem(403);
		imports.text(project, ApiClient.ANONYMOUS, NDJSON, record("1", "p")).expectProblem(401);

		assertThat(promptsIn(project)).isZero();
	}

	static String record(String externalId, String prompt) {
		String id = externalId == null ? "" : "\"external_id\":\"" + externalId + "\",";
		return "{" + id + "\"prompt\":\"" + prompt + "\",\"candidates\":" + FOUR + "}\n";
	}

	private static List<String> messages(JsonNode problem) {
		return problem.path("errors")
			.valueStream()
			.map(e -> (e.has("line") ? "line " + e.path("line").asLong() + ": " : "") + e.path("message").asString())
			.toList();
	}

	private static byte[] concat(String before, byte[] middle, String after) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
		out.writeBytes(middle);
		out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	private long slotsIn(long project) {
		return jdbc.sql("SELECT count(*) FROM prompt_slots WHERE project_id = ?")
			.param(project)
			.query(Long.class)
			.single();
	}

	private long promptsIn(long project) {
		return jdbc.sql("SELECT count(*) FROM prompts WHERE project_id = ?").param(project).query(Long.class).single();
	}

	private long candidatesOf(long project, String prompt) {
		return jdbc.sql(
				"SELECT count(*) FROM candidates c JOIN prompts p ON p.id = c.prompt_id WHERE p.project_id = ? AND p.text = ?")
			.param(project)
			.param(prompt)
			.query(Long.class)
			.single();
	}

}
