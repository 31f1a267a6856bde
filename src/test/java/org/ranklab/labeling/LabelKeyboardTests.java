package org.ranklab.labeling;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A labeler who uses no mouse: Tab reaches everything, keys move, score, tie, undo,
 * submit and skip, and a screen reader hears what moved where.
 */
class LabelKeyboardTests extends LabelPageBrowserTest {

	@Test
	void keyboardAloneRanksScoresUndoesAndSubmits() {
		long project = newProject("""
				{"name":"Keyboard only","allow_ties":true,"collect_scores":true,"min_candidates":3}""");
		prompts.readyPrompt(project, "Keyboard prompt", "One", "Two", "Three");
		prompts.readyPrompt(project, "Skipped by key", "Uno", "Dos", "Tres");
		signInAsNewLabeler();
		open("/projects/" + project + "/label");
		List<String> shown = cardIds();

		for (String score : List.of("5", "5", "2")) {
			tabUntil("a score", () -> "select".equals(focused().getTagName()));
			keys(score);
			keys(Keys.TAB);
		}
		shiftTabUntil("the first response", () -> shown.get(0).equals(focused().getAttribute("data-id")));
		keys("3");
		assertThat(cardIds()).containsExactly(shown.get(1), shown.get(2), shown.get(0));
		assertThat(announced()).isEqualTo("Response A moved to rank 3.");
		assertThat(focused().getAttribute("data-id")).isEqualTo(shown.get(0));
		keys("u");
		assertThat(cardIds()).isEqualTo(shown);
		assertThat(announced()).isEqualTo("Undone: Response A moved to rank 1.");
		keys(Keys.ARROW_DOWN);
		assertThat(cardIds()).containsExactly(shown.get(1), shown.get(0), shown.get(2));
		keys("=");
		assertThat(rankNumbers()).containsExactly("1", "1", "2");
		assertThat(announced()).isEqualTo("Response A tied at rank 1.");

		tabUntil("the comment", () -> "comment".equals(focused().getAttribute("id")));
		keys("u? typed, not undone");
		assertThat(rankNumbers()).containsExactly("1", "1", "2");
		assertThat(browser.findElement(By.id("hotkeys")).isDisplayed()).isFalse();
		new Actions(browser).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
		assertThat(count("rankings", project)).as("no key acts in the comment").isZero();

		tabUntil("the submit button", () -> "submit".equals(focused().getAttribute("id")));
		new Actions(browser).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();

		waitFor().until(ExpectedConditions.textToBe(By.id("prompt-text"), "Skipped by key"));
		assertThat(jdbc.sql(
				"SELECT jsonb_array_length(tiers) || ' ' || (scores->>?) || ' ' || comment FROM rankings WHERE project_id = ?")
			.params(shown.get(2), project)
			.query(String.class)
			.single()).isEqualTo("2 2 u? typed, not undone");
		assertThat(count("rankings", project)).isEqualTo(1);

		keys("?");
		WebElement help = visible(By.id("hotkeys"));
		assertThat(help.getText()).contains("Submit the ranking", "Skip the task", "Undo the last move");
		keys(Keys.ESCAPE);
		waitFor().until(ExpectedConditions.invisibilityOf(help));
		new Actions(browser).keyDown(Keys.SHIFT).sendKeys("S").keyUp(Keys.SHIFT).perform();
		visible(By.id("all-done"));
		assertThat(jdbc.sql("SELECT count(*) FROM assignments WHERE project_id = ? AND status = 'SKIPPED'")
			.param(project)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private void keys(CharSequence... keys) {
		new Actions(browser).sendKeys(keys).perform();
	}

	private WebElement focused() {
		return browser.switchTo().activeElement();
	}

	private String announced() {
		return (String) script("return document.getElementById('announcer').textContent");
	}

	/** Presses Tab until {@code reached} (at most 40 times). */
	private void tabUntil(String what, BooleanSupplier reached) {
		for (int i = 0; i < 40 && !reached.getAsBoolean(); i++) {
			keys(Keys.TAB);
		}
		assertThat(reached.getAsBoolean()).as("Tab reaches %s", what).isTrue();
	}

	private void shiftTabUntil(String what, BooleanSupplier reached) {
		for (int i = 0; i < 40 && !reached.getAsBoolean(); i++) {
			new Actions(browser).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
		}
		assertThat(reached.getAsBoolean()).as("Shift Tab reaches %s", what).isTrue();
	}

	private long count(String table, long project) {
		return jdbc.sql("SELECT count(*) FROM " + table + " WHERE project_id = ?")
			.param(project)
			.query(Long.class)
			.single();
	}

}
