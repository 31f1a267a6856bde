package org.ranklab.labeling;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ranklab.ApiClient;
import org.ranklab.ApiClient.Credentials;
import org.ranklab.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class LeasesOfDisabledUsersTests extends IntegrationTest {

	private record Labeler(String id, Credentials credentials) {
	}

	@Test
	void disablingAUserHandsTheirOpenTaskToAnotherLabelerAtOnce() {
		long project = newProject(
				"{\"name\":\"Released leases\",\"rankings_per_prompt\":1,\"min_candidates\":2,\"lease_seconds\":3600}");
		PromptFixture.StoredPrompt prompt = new PromptFixture(jdbc).readyPrompt(project, 2);
		Labeler leaver = labeler();
		Credentials other = newLabeler();
		JsonNode leased = next(project, leaver.credentials()).expectStatus(200).json();
		next(project, other).expectStatus(204);

		disable(leaver);

		JsonNode handedOn = next(project, other).expectStatus(200).json();
		assertThat(handedOn.at("/prompt/id").asString()).isEqualTo(Long.toString(prompt.id()));
		assertThat(statusOf(leased)).isEqualTo("EXPIRED");
	}

	@Test
	void onlyTheDisabledUsersOpenLeasesAreReleased() {
		long project = newProject(
				"{\"name\":\"Other leases stay\",\"rankings_per_prompt\":1,\"min_candidates\":2,\"lease_seconds\":3600}");
		PromptFixture prompts = new PromptFixture(jdbc);
		prompts.readyPrompt(project, 2);
		prompts.readyPrompt(project, 2);
		Labeler leaver = labeler();
		Credentials stayer = newLabeler();
		JsonNode kept = next(project, stayer).expectStatus(200).json();
		next(project, leaver.credentials()).expectStatus(200);

		disable(leaver);

		assertThat(statusOf(kept)).isEqualTo("OPEN");
		assertThat(next(project, stayer).expectStatus(200).json().path("assignment_id").asString())
			.isEqualTo(kept.path("assignment_id").asString());
	}

	private ApiClient.Response next(long project, Credentials credentials) {
		return api.post("/api/v1/projects/" + project + "/tasks/next", credentials, null);
	}

	private void disable(Labeler labeler) {
		api.patch("/api/v1/users/" + labeler.id(), admin(), "{\"disabled\":true}").expectStatus(200);
	}

	private String statusOf(JsonNode task) {
		return jdbc.sql("SELECT status FROM assignments WHERE id = ?")
			.param(Long.parseLong(task.path("assignment_id").asString()))
			.query(String.class)
			.single();
	}

	private Labeler labeler() {
		String username = "leaver-" + UUID.randomUUID().toString().substring(0, 8);
		String id = api
			.post("/api/v1/users", admin(),
					"{\"username\":\"%s\",\"password\":\"password-of-%s\",\"role\":\"LABELER\"}".formatted(username,
							username))
			.expectStatus(201)
			.json()
			.path("id")
			.asString();
		return new Labeler(id, ApiClient.basic(username, "password-of-" + username));
	}

}
