package org.ranklab.prompt;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationsTests {

	private static final List<ChatMessage> CHAT = List.of(new ChatMessage("system", "Be brief."),
			new ChatMessage("user", "First question " + "x".repeat(100)), new ChatMessage("assistant", "An answer."),
			new ChatMessage("user", "Last question?"));

	@Test
	void flattensEveryTurnWithItsRoleMarker() {
		assertThat(Conversations.flatten(CHAT)).isEqualTo("System: Be brief.\n\nUser: First question " + "x".repeat(100)
				+ "\n\nAssistant: An answer.\n\nUser: Last question?");
	}

	@Test
	void keepsTheLastWholeTurnsThatFitDroppingEarlierOnes() {
		String kept = Conversations.lastTurns(CHAT, 60);

		assertThat(kept).isEqualTo("Assistant: An answer.\n\nUser: Last question?");
		assertThat(Conversations.lastTurns(CHAT, 10_000)).isEqualTo(Conversations.flatten(CHAT));
	}

	@Test
	void keepsTheEndOfALastTurnLongerThanTheLimit() {
		List<ChatMessage> chat = List.of(new ChatMessage("user", "start " + "y".repeat(50) + " end"));

		String kept = Conversations.lastTurns(chat, 20);

		assertThat(kept).hasSize(20).startsWith("User: …").endsWith("y end");
	}

	@Test
	void readsBackWhatItStores() {
		List<ChatMessage> chat = List.of(new ChatMessage("user", "quote \" backslash \\ newline \n tab \t é"));

		assertThat(Conversations.fromJson(Conversations.toJson(chat))).isEqualTo(chat);
		assertThat(Conversations.fromJson(null)).isNull();
	}

	@Test
	void modelTextOfASingleTextPromptIsTheTextAsItIs() {
		String longText = "z".repeat(5000);
		assertThat(new PromptText(1, null, longText, null, null, List.of()).modelText()).isEqualTo(longText);
		assertThat(new PromptText(2, null, Conversations.flatten(CHAT), CHAT, null, List.of()).modelText())
			.endsWith("User: Last question?");
	}

}
