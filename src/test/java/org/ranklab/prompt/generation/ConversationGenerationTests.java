package org.ranklab.prompt.generation;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationGenerationTests extends GenerationTest {

	@Test
	void sendsAConversationsMessagesAsTheyAreAndASingleTextAsOneUserMessage() {
		long project = newProject("{\"name\":\"Generated conversations\",\"min_candidates\":2,\"max_candidates\":2}");
		api.send("POST", "/api/v1/projects/" + project + "/prompts", admin(), "application/x-ndjson",
				"""
						{"messages":[{"role":"system","content":"You are terse."},{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello."},{"role":"user","content":"Name a prime."}]}
						{"prompt":"Explain tides."}
						""")
			.expectStatus(201);

		JsonNode job = awaitEnd(startGeneration(project, ""));

		assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
		JsonNode conversation = model.calls()
			.stream()
			.filter(call -> call.body().path("messages").size() > 1)
			.findFirst()
			.orElseThrow()
			.body()
			.path("messages");
		assertThat(conversation.toString()).isEqualTo("[{\"role\":\"system\",\"content\":\"You are terse.\"},"
				+ "{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":\"Hello.\"},"
				+ "{\"role\":\"user\",\"content\":\"Name a prime.\"}]");
		assertThat(model.callsFor("Explain tides.")).singleElement()
			.satisfies(call -> assertThat(call.body().path("messages").toString())
				.isEqualTo("[{\"role\":\"user\",\"content\":\"Explain tides.\"}]"));
		assertThat(jdbc.sql("SELECT count(*) FROM prompts WHERE project_id = ? AND ready_at IS NOT NULL")
			.param(project)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

}
