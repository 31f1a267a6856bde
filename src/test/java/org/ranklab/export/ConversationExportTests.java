package org.ranklab.export;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ranklab.ApiClient.Credentials;
import org.ranklab.IntegrationTest;
import org.ranklab.RankingFixture;
import org.ranklab.RankingFixture.StoredPrompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ranklab.RankingFixture.plan;
import static org.ranklab.export.ExportApiTests.export;
import static org.ranklab.export.ExportApiTests.lines;

/**
 * Conversation prompts in the exports (TRL's conversational form for pairs), and what
 * rankings lines carry for position-bias and provenance analysis.
 */
class ConversationExportTests extends IntegrationTest {

	private static final String CONVERSATION = """
			{"external_id":"chat","messages":[{"role":"system","content":"Be \\"kind\\"."},{"role":"user","content":"Hi?"}],\
			"candidates":[{"text":"A","model":"m1","meta":{"temperature":0.5}},"B","C","D"],"meta":{"source":"chats"}}
			""";

	private RankingFixture fixture;

	private Credentials adminToken;

	@BeforeEach
	void fixture() {
		fixture = new RankingFixture(api, jdbc);
		adminToken = fixture.token(admin());
	}

	@Test
	void pairsAndBestOfAConversationAreInTrlsConversationalForm() {
		long project = newProject("{\"name\":\"Conversation pairs\",\"rankings_per_prompt\":1}");
		Map<String, StoredPrompt> prompts = fixture.importPrompts(project, admin(),
				CONVERSATION + "{\"prompt\":\"Plain\",\"candidates\":[\"W\",\"X\",\"Y\",\"Z\"]}\n");
		StoredPrompt chat = prompts.get("System: Be \"kind\".\n\nUser: Hi?");
		StoredPrompt plain = prompts.get("Plain");
		fixture.label(project, newLabeler(), plan(chat, "A > B > C = D", plain, "W > X = Y = Z"));

		List<String> lines = lines(api.get(export(project, "export/pairs"), adminToken).expectStatus(200));

		assertThat(lines).hasSize(5 + 3);
		assertThat(lines.get(0)).isEqualTo(("{\"prompt\":[{\"role\":\"system\",\"content\":\"Be \\\"kind\\\".\"},"
				+ "{\"role\":\"user\",\"content\":\"Hi?\"}],\"chosen\":[{\"role\":\"assistant\",\"content\":\"A\"}],"
				+ "\"rejected\":[{\"role\":\"assistant\",\"content\":\"B\"}],\"prompt_id\":\"%d\",\"chosen_id\":\"%d\","
				+ "\"rejected_id\":\"%d\"}")
			.formatted(chat.id(), chat.id("A"), chat.id("B")));
		assertThat(lines.get(5)).as("a single-text prompt keeps its strings")
			.isEqualTo(("{\"prompt\":\"Plain\",\"chosen\":\"W\",\"rejected\":\"X\",\"prompt_id\":\"%d\",\"chosen_id\":"
					+ "\"%d\",\"rejected_id\":\"%d\"}")
				.formatted(plain.id(), plain.id("W"), plain.id("X")));
		List<String> consensus = lines(
				api.get(export(project, "export/pairs?source=consensus"), adminToken).expectStatus(200));
		assertThat(ApiJson.parse(consensus.get(0)).path("prompt").isArray()).isTrue();
		List<String> best = lines(api.get(export(project, "export/best"), adminToken).expectStatus(200));
		assertThat(best.get(0)).isEqualTo(("{\"prompt\":[{\"role\":\"system\",\"content\":\"Be \\\"kind\\\".\"},"
				+ "{\"role\":\"user\",\"content\":\"Hi?\"}],\"completion\":[{\"role\":\"assistant\",\"content\":\"A\"}],"
				+ "\"prompt_id\":\"%d\",\"completion_id\":\"%d\"}")
			.formatted(chat.id(), chat.id("A")));
		assertThat(best.get(1))
			.isEqualTo("{\"prompt\":\"Plain\",\"completion\":\"W\",\"prompt_id\":\"%d\",\"completion_id\":\"%d\"}"
				.formatted(plain.id(), plain.id("W")));
	}

	@Test
	void rankingsLinesCarryThePresentedOrderTimeGuidelinesVersionMessagesAndMeta() {
		long project = newProject("{\"name\":\"Rich rankings\",\"rankings_per_prompt\":1,\"guidelines\":\"v1\"}");
		api.patch("/api/v1/projects/" + project, admin(), "{\"guidelines\":\"v2\"}").expectStatus(200);
		StoredPrompt chat = fixture.importPrompts(project, admin(), CONVERSATION)
			.get("System: Be \"kind\".\n\nUser: Hi?");
		fixture.label(project, newLabeler(), plan(chat, "B > A > C > D"));

		JsonNode line = ApiJson.parse(lines(api.get(export(project, "export/rankings"), adminToken)).get(0));

		List<String> shown = jdbc.sql("""
				SELECT unnest(a.candidate_order)::text FROM assignments a JOIN rankings r ON r.assignment_id = a.id
				WHERE r.prompt_id = ?""").param(chat.id()).query(String.class).list();
		assertThat(line.path("presented_order").valueStream().map(JsonNode::asString)).containsExactlyElementsOf(shown);
		double seconds = jdbc.sql("SELECT seconds_on_task FROM rankings WHERE prompt_id = ?")
			.param(chat.id())
			.query(Double.class)
			.single();
		assertThat(line.path("seconds_on_task").asDouble()).isCloseTo(seconds, within(1e-9)).isGreaterThanOrEqualTo(0);
		assertThat(line.path("guidelines_version").asInt()).isEqualTo(2);
		assertThat(line.path("meta").path("source").asString()).isEqualTo("chats");
		assertThat(line.path("messages").toString()).isEqualTo(
				"[{\"role\":\"system\",\"content\":\"Be \\\"kind\\\".\"},{\"role\":\"user\",\"content\":\"Hi?\"}]");
		JsonNode first = line.path("candidates").path(0);
		assertThat(first.path("text").asString()).isEqualTo("A");
		assertThat(first.path("model").asString()).isEqualTo("m1");
		assertThat(first.path("meta").path("temperature").asDouble()).isEqualTo(0.5);
		assertThat(line.path("candidates").path(1).path("meta").isNull()).isTrue();
	}

}
