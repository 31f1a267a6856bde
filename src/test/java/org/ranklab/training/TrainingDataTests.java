package org.ranklab.training;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.ranklab.ApiClient.Credentials;
import org.ranklab.IntegrationTest;
import org.ranklab.RankingFixture.StoredPrompt;
import org.ranklab.training.engine.RankedGroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ranklab.RankingFixture.plan;

/** Training reads the project's data set: no gold prompt, no excluded labeler. */
class TrainingDataTests extends IntegrationTest {

	@Autowired
	private TrainingData trainingData;

	private org.ranklab.RankingFixture fixture;

	@BeforeEach
	void fixture() {
		fixture = new org.ranklab.RankingFixture(api, jdbc);
	}

	@Test
	void trainsOnNeitherGoldPromptsNorTheRankingsOfExcludedLabelers() {
		long project = goldProject("Training data");
		Map<String, StoredPrompt> prompts = fixture.promptsOf(project);
		Credentials good = newLabeler();
		Credentials excluded = newLabeler();
		fixture.label(project, good,
				plan(prompts.get("Regular"), "A > B > C > D", prompts.get("Gold"), "A > B > C > D"));
		fixture.label(project, excluded,
				plan(prompts.get("Other"), "D > C > B > A", prompts.get("Gold"), "D > C > B > A"));
		exclude(project, excluded);

		assertThat(trainingData.rankings(project)).extracting(RankedGroup::promptId)
			.containsExactly(prompts.get("Regular").id());
		assertThat(trainingData.hasOrderedPair(project)).isTrue();
	}

	@Test
	void nothingToTrainOnWhenOnlyGoldPromptsAndExcludedLabelersRanked() {
		long project = goldProject("Nothing to train on");
		Map<String, StoredPrompt> prompts = fixture.promptsOf(project);
		fixture.label(project, newLabeler(), plan(prompts.get("Gold"), "A > B > C > D"));
		Credentials excluded = newLabeler();
		fixture.label(project, excluded, plan(prompts.get("Regular"), "A > B > C > D"));
		exclude(project, excluded);

		assertThat(trainingData.hasOrderedPair(project)).isFalse();
		api.post("/api/v1/projects/" + project + "/training-runs", admin(), "{\"epochs\":1}").expectProblem(409);
	}

	@Test
	void readsAConversationAsItsLastTurnsAndASingleTextWhole() {
		long project = newProject("{\"name\":\"Conversation training data\",\"rankings_per_prompt\":1}");
		String early = "An early turn that does not fit. ".repeat(60);
		String longText = "A long single prompt. ".repeat(150);
		Map<String, StoredPrompt> prompts = fixture.importPrompts(project, admin(), """
				{"messages": [{"role": "user", "content": "%s"}, {"role": "assistant", "content": "Noted."}, \
				{"role": "user", "content": "And now?"}], "candidates": ["A", "B", "C", "D"]}
				{"prompt": "%s", "candidates": ["A", "B", "C", "D"]}
				""".formatted(early, longText));
		StoredPrompt conversation = prompts.get("User: " + early + "\n\nAssistant: Noted.\n\nUser: And now?");
		fixture.label(project, newLabeler(),
				plan(conversation, "A > B > C > D", prompts.get(longText), "A > B > C > D"));

		Map<Long, String> texts = new java.util.HashMap<>();
		trainingData.rankings(project).forEach(group -> texts.put(group.promptId(), group.prompt()));

		assertThat(texts.get(conversation.id())).isEqualTo("Assistant: Noted.\n\nUser: And now?");
		assertThat(texts.get(prompts.get(longText).id())).isEqualTo(longText);
	}

	/**
	 * Two regular prompts, a gold one and fillers, so that each labeler is handed the
	 * gold prompt (see {@link org.ranklab.RankingFixture#fillers}).
	 */
	private long goldProject(String name) {
		long project = newProject("{\"name\":\"" + name + "\",\"rankings_per_prompt\":3}");
		api.patch("/api/v1/projects/" + project, admin(), "{\"gold_rate\":0.5}").expectStatus(200);
		fixture.importPrompts(project, admin(), """
				{"prompt": "Regular", "candidates": ["A", "B", "C", "D"]}
				{"prompt": "Other", "candidates": ["A", "B", "C", "D"]}
				{"prompt": "Gold", "candidates": ["A", "B", "C", "D"], "gold": [[0], [1], [2], [3]]}
				""" + org.ranklab.RankingFixture.fillers(30));
		return project;
	}

	private void exclude(long project, Credentials labeler) {
		api.put("/api/v1/projects/" + project + "/exclusions/" + fixture.pseudonym(labeler), admin(),
				"{\"reason\":\"test\"}")
			.expectStatus(200);
	}

}
