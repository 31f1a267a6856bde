package org.ranklab.prompt;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ranklab.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conversation prompts ({@code "messages"} instead of {@code "prompt"}): stored with
 * their flattening, handed out with their turns, refused by line when malformed.
 */
class ConversationImportTests extends IntegrationTest {

	private static final String NDJSON = "application/x-ndjson";

	private static final String FOUR = "[\"a\",\"b\",\"c\",\"d\"]";

	private ImportRequests imports;

	@BeforeEach
	void connectImports() {
		imports = new ImportRequests(port);
	}

	@Test
	void storesTheMessagesAndAFlatteningWithRoleMarkersAndHandsThemOut() {
		long project = newProject("{\"name\":\"Conversations\",\"rankings_per_prompt\":1}");
		String body = """
				{"external_id":"c1","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi!"},{"role":"assistant","content":"Hello."},{"role":"user","content":"Capital of France?"}],"candidates":%s}
				"""
			.formatted(FOUR);

		JsonNode result = imports.text(project, admin(), NDJSON, body).expectStatus(201).json();

		assertThat(result.path("imported").asLong()).isEqualTo(1);
		assertThat(
				jdbc.sql("SELECT text FROM prompts WHERE project_id = ?").param(project).query(String.class).single())
			.isEqualTo("System: Be brief.\n\nUser: Hi!\n\nAssistant: Hello.\n\nUser: Capital of France?");
		assertThat(jdbc.sql("SELECT jsonb_array_length(messages) FROM prompts WHERE project_id = ?")
			.param(project)
			.query(Integer.class)
			.single()).isEqualTo(4);
		JsonNode task = api.post("/api/v1/projects/" + project + "/tasks/next", newLabeler(), null)
			.expectStatus(200)
			.json();
		JsonNode messages = task.at("/prompt/messages");
		assertThat(messages.valueStream().map(m -> m.path("role").asString() + ":" + m.path("content").asString()))
			.containsExactly("system:Be brief.", "user:Hi!", "assistant:Hello.", "user:Capital of France?");
		assertThat(task.at("/prompt/text").asString()).startsWith("System: Be brief.");
		JsonNode listed = api.get("/api/v1/projects/" + project + "/prompts", admin()).expectStatus(200).json();
		assertThat(listed.at("/items/0/messages/3/content").asString()).isEqualTo("Capital of France?");
	}

	@Test
	void handsOutSingleTextPromptsWithoutMessages() {
		long project = newProject("{\"name\":\"Single texts\"}");
		imports.text(project, admin(), NDJSON, "{\"prompt\":\"Plain question\",\"candidates\":" + FOUR + "}\n")
			.expectStatus(201);

		JsonNode task = api.post("/api/v1/projects/" + project + "/tasks/next", newLabeler(), null)
			.expectStatus(200)
			.json();

		assertThat(task.path("prompt").propertyNames()).containsExactlyInAnyOrder("id", "text");
		assertThat(task.at("/prompt/text").asString()).isEqualTo("Plain question");
		assertThat(api.get("/api/v1/projects/" + project + "/prompts", admin())
			.expectStatus(200)
			.json()
			.at("/items/0")
			.has("messages")).isFalse();
		assertThat(jdbc.sql("SELECT count(*) FROM prompts WHERE project_id = ? AND messages IS NOT NULL")
			.param(project)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void refusesMalformedConversationsNamingEachLine() {
		long project = newProject("{\"name\":\"Bad conversations\"}");
		String body = String.join("\n",
				"{\"messages\":[{\"role\":\"user\",\"content\":\"fine\"}],\"candidates\":" + FOUR + "}",
				"{\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}",
				"{\"messages\":[{\"role\":\"user\",\"content\":\"x\"},{\"role\":\"system\",\"content\":\"late\"},{\"role\":\"user\",\"content\":\"y\"}]}",
				"{\"messages\":[{\"role\":\"user\",\"content\":\"x\"},{\"role\":\"assistant\",\"content\":\"y\"}]}",
				"{\"messages\":[{\"role\":\"user\",\"content\":\"  \"}]}",
				"{\"prompt\":\"both\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
				"{\"messages\":\"Hello\"}", "{\"messages\":[]}", "{\"messages\":[{\"role\":\"user\"}]}",
				"{\"messages\":[{\"role\":\"user\",\"content\":\"x\",\"name\":\"bob\"}]}") + "\n";

		JsonNode problem = imports.text(project, admin(), NDJSON, body).expectProblem(400);

		assertThat(messages(problem)).containsExactly(
				"line 2: message 1: unknown role 'robot'; the roles are system, user and assistant",
				"line 2: the last message must be the user's (the candidates answer it), not 'robot'",
				"line 3: message 2: a system message may only come first",
				"line 4: the last message must be the user's (the candidates answer it), not 'assistant'",
				"line 5: message 1: content is blank",
				"line 6: a record gives either prompt (one text) or messages (a conversation), not both",
				"line 7: messages must be an array of {\"role\": \"system\"|\"user\"|\"assistant\", \"content\": "
						+ "\"...\"} objects, not a string",
				"line 8: messages is empty; a conversation ends with a user turn",
				"line 9: message 1: content must be a string",
				"line 10: message 1: unknown field 'name'; a message has role and content");
		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("messages");
		assertThat(
				jdbc.sql("SELECT count(*) FROM prompts WHERE project_id = ?").param(project).query(Long.class).single())
			.as("all or nothing")
			.isZero();
	}

	@Test
	void refusesAMessagesColumnInCsvSayingWhereConversationsGo() {
		long project = newProject("{\"name\":\"CSV conversations\"}");

		JsonNode problem = imports
			.text(project, admin(), "text/csv", "prompt,messages,candidate_1,candidate_2\nq,\"[]\",a,b\n")
			.expectProblem(400);

		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("messages");
		assertThat(problem.at("/errors/0/message").asString()).contains("cannot be imported from CSV")
			.contains("NDJSON");
	}

	private static List<String> messages(JsonNode problem) {
		return problem.path("errors")
			.valueStream()
			.map(e -> (e.has("line") ? "line " + e.path("line").asLong() + ": " : "") + e.path("message").asString())
			.toList();
	}

}
