package org.ranklab.labeling;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A conversation prompt on the label page: its earlier turns folded, the user turn the
 * responses answer open, each turn under its role.
 */
class ConversationLabelPageTests extends LabelPageBrowserTest {

	@Test
	void showsTheLastUserTurnOpenAndEarlierTurnsFoldedUntilAsked() {
		long project = newProject("{\"name\":\"Conversation page\"}");
		prompts.readyConversation(project, List.of("system", "You answer **briefly**.", "user",
				"What is the capital of France?", "assistant", "Paris.", "user", "And of *Italy*?"), "Rome.", "Milan.",
				"Naples.", "Turin.");
		signInAsNewLabeler();

		open("/projects/" + project + "/label");
		cardIds();

		WebElement last = visible(By.cssSelector("#prompt-text .last-turn"));
		assertThat(last.findElement(By.className("turn-role")).getText()).isEqualTo("User");
		assertThat(last.findElement(By.className("turn-text")).getText()).isEqualTo("And of Italy?");
		assertThat(last.findElement(By.cssSelector(".turn-text em")).getText()).isEqualTo("Italy");
		WebElement earlier = browser.findElement(By.cssSelector("#prompt-text details.earlier-turns"));
		assertThat(earlier.getAttribute("open")).isNull();
		assertThat(earlier.findElement(By.tagName("summary")).getText()).isEqualTo("Show 3 earlier turns");
		List<WebElement> turns = earlier.findElements(By.cssSelector("li.turn"));
		assertThat(turns).hasSize(3).noneMatch(WebElement::isDisplayed);

		earlier.findElement(By.tagName("summary")).click();

		waitFor().until(ExpectedConditions.textToBePresentInElementLocated(
				By.cssSelector("#prompt-text details.earlier-turns summary"), "Hide 3 earlier turns"));
		assertThat(turns).allMatch(WebElement::isDisplayed);
		assertThat(turns).extracting(turn -> turn.findElement(By.className("turn-role")).getText())
			.containsExactly("System", "User", "Assistant");
		assertThat(turns.get(0).findElement(By.cssSelector(".turn-text strong")).getText()).isEqualTo("briefly");
		assertThat(turns.get(2).getText()).contains("Paris.");
	}

	@Test
	void showsASingleTextPromptWithoutTurns() {
		long project = newProject("{\"name\":\"Single text page\"}");
		prompts.readyPrompt(project, "Just *one* question.", "A.", "B.", "C.", "D.");
		signInAsNewLabeler();

		open("/projects/" + project + "/label");
		cardIds();

		WebElement prompt = visible(By.id("prompt-text"));
		assertThat(prompt.getText()).isEqualTo("Just one question.");
		assertThat(prompt.findElements(By.className("turn"))).isEmpty();
		assertThat(prompt.getAttribute("class")).doesNotContain("conversation");
	}

}
