package org.ranklab.labeling;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/** A half-done ranking survives a reload of the page, and goes once it is sent. */
class LabelDraftTests extends LabelPageBrowserTest {

	@Test
	void reloadKeepsTheOrderTiesScoresAndCommentUntilTheRankingIsSent() {
		long project = newProject("""
				{"name":"Drafts","allow_ties":true,"collect_scores":true,"min_candidates":3}""");
		prompts.readyPrompt(project, "Draft prompt", "One", "Two", "Three");
		prompts.readyPrompt(project, "Next prompt", "Uno", "Dos", "Tres");
		signInAsNewLabeler();
		open("/projects/" + project + "/label");
		List<String> shown = cardIds();

		cards().get(2).sendKeys("1");
		cards().get(1).sendKeys("=");
		new Select(scoreOf(shown.get(2))).selectByValue("6");
		new Select(scoreOf(shown.get(0))).selectByValue("6");
		browser.findElement(By.id("comment")).sendKeys("Two and three are close");
		List<String> before = cardIds();
		assertThat(rankNumbers()).containsExactly("1", "1", "2");

		browser.navigate().refresh();

		assertThat(cardIds()).isEqualTo(before);
		assertThat(rankNumbers()).containsExactly("1", "1", "2");
		assertThat(new Select(scoreOf(shown.get(2))).getFirstSelectedOption().getText()).isEqualTo("6");
		assertThat(new Select(scoreOf(shown.get(1))).getFirstSelectedOption().getText()).isEqualTo("–");
		assertThat(browser.findElement(By.id("comment")).getAttribute("value")).isEqualTo("Two and three are close");
		assertThat(browser.findElement(By.id("announcer")).getText()).contains("back as you left it");
		assertThat(drafts()).hasSize(1);

		new Select(scoreOf(shown.get(1))).selectByValue("2");
		browser.findElement(By.id("submit")).click();

		waitFor().until(ExpectedConditions.textToBe(By.id("prompt-text"), "Next prompt"));
		assertThat(jdbc.sql("SELECT tiers::text || ' ' || comment FROM rankings WHERE project_id = ?")
			.param(project)
			.query(String.class)
			.single())
			.isEqualTo("[[%s, %s], [%s]] Two and three are close".formatted(
					Math.min(Long.parseLong(shown.get(2)), Long.parseLong(shown.get(0))),
					Math.max(Long.parseLong(shown.get(2)), Long.parseLong(shown.get(0))), shown.get(1)));
		assertThat(drafts()).isEmpty();
		browser.navigate().refresh();
		waitFor().until(ExpectedConditions.textToBe(By.id("prompt-text"), "Next prompt"));
		assertThat(browser.findElement(By.id("comment")).getAttribute("value")).isEmpty();
	}

	private WebElement scoreOf(String candidateId) {
		return browser.findElement(By.cssSelector(".candidate[data-id='" + candidateId + "'] select"));
	}

	/** The keys of the drafts kept in the browser. */
	@SuppressWarnings("unchecked")
	private List<String> drafts() {
		return (List<String>) script(
				"return Object.keys(localStorage).filter((key) => key.startsWith('ranklab.draft.'))");
	}

}
