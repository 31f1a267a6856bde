package org.ranklab.labeling;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.ranklab.ApiClient;

import static org.assertj.core.api.Assertions.assertThat;

class LabelPageTests extends LabelPageBrowserTest {

	@Test
	void labelerDragsTiesAndSubmitsARanking() {
		long project = newProject("""
				{"name":"Browser ranking","rankings_per_prompt":1,"allow_ties":true,
				 "guidelines":"**Prefer** answers that are correct."}""");
		prompts.readyPrompt(project, "Which city is the capital of France?", "Paris", "Lyon", "Marseille", "Nice");
		signInAsNewLabeler();
		open("/projects/" + project + "/label");
		List<String> shown = cardIds();
		assertThat(visible(By.cssSelector(".guidelines strong")).getText()).isEqualTo("Prefer");

		drag(cards().get(3), cards().get(0));
		waitFor().until(driver -> cardIds().get(0).equals(shown.get(3)));
		assertThat(cardIds()).containsExactly(shown.get(3), shown.get(0), shown.get(1), shown.get(2));

		cards().get(2).sendKeys("=");
		assertThat(rankNumbers()).containsExactly("1", "2", "2", "3");
		assertThat(cards().get(2).getAttribute("class")).contains("joined");

		browser.findElement(By.id("submit")).click();

		visible(By.id("all-done"));
		String tiers = jdbc.sql("SELECT tiers::text FROM rankings WHERE project_id = ?")
			.params(project)
			.query(String.class)
			.single();
		List<Long> tie = List.of(Long.parseLong(shown.get(0)), Long.parseLong(shown.get(1))).stream().sorted().toList();
		assertThat(tiers)
			.isEqualTo("[[%s], [%d, %d], [%s]]".formatted(shown.get(3), tie.get(0), tie.get(1), shown.get(2)));
	}

	@Test
	void keyboardAloneRanksAndScoresThenTheNextTaskComesWithoutReload() {
		long project = newProject(
				"{\"name\":\"Keyboard\",\"allow_ties\":false,\"collect_scores\":true,\"min_candidates\":3}");
		prompts.readyPrompt(project, "First prompt", "One", "Two", "Three");
		prompts.readyPrompt(project, "Second prompt", "Uno", "Dos", "Tres");
		signInAsNewLabeler();
		open("/projects/" + project + "/label");
		List<String> shown = cardIds();
		((JavascriptExecutor) browser).executeScript("window.samePage = true");

		cards().get(2).sendKeys("1");
		assertThat(cardIds()).containsExactly(shown.get(2), shown.get(0), shown.get(1));
		cards().get(2).sendKeys(Keys.ARROW_UP);
		assertThat(cardIds()).containsExactly(shown.get(2), shown.get(1), shown.get(0));
		assertThat(browser.findElements(By.cssSelector(".candidate .tie"))).allMatch(b -> !b.isDisplayed());
		browser.findElement(By.id("submit")).click();
		assertThat(visible(By.id("error")).getText()).contains("score");

		List<WebElement> selects = browser.findElements(By.cssSelector(".candidate select"));
		for (int i = 0; i < selects.size(); i++) {
			new Select(selects.get(i)).selectByValue(Integer.toString(7 - i * 2));
		}
		browser.findElement(By.id("submit")).click();

		waitFor().until(ExpectedConditions.textToBe(By.id("prompt-text"), "Second prompt"));
		assertThat(((JavascriptExecutor) browser).executeScript("return window.samePage")).isEqualTo(true);
		var stored = jdbc.sql("SELECT tiers::text, scores->>? FROM rankings WHERE project_id = ?")
			.params(shown.get(2), project)
			.query((row, n) -> List.of(row.getString(1), row.getString(2)))
			.single();
		assertThat(stored.get(0)).isEqualTo("[[%s], [%s], [%s]]".formatted(shown.get(2), shown.get(1), shown.get(0)));
		assertThat(stored.get(1)).isEqualTo("7");
	}

	@Test
	void skipAndNotRankableMoveOnToTheNextTask() {
		long project = newProject("{\"name\":\"Skip and not rankable\",\"min_candidates\":2}");
		prompts.readyPrompt(project, "Skipped prompt", "A", "B");
		prompts.readyPrompt(project, "Broken prompt", "C", "D");
		signInAsNewLabeler();
		open("/projects/" + project + "/label");
		waitFor().until(ExpectedConditions.textToBe(By.id("prompt-text"), "Skipped prompt"));

		browser.findElement(By.id("skip")).click();
		waitFor().until(ExpectedConditions.textToBe(By.id("prompt-text"), "Broken prompt"));
		browser.findElement(By.id("comment")).sendKeys("Both answers are cut off");
		browser.findElement(By.id("not-rankable")).click();

		visible(By.id("all-done"));
		var statuses = jdbc.sql("SELECT status FROM assignments WHERE project_id = ? ORDER BY id")
			.params(project)
			.query(String.class)
			.list();
		assertThat(statuses).containsExactly("SKIPPED", "SUBMITTED");
		assertThat(jdbc.sql(
				"SELECT not_rankable AND tiers IS NULL AND comment = 'Both answers are cut off' FROM rankings WHERE project_id = ?")
			.params(project)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void candidateWithAScriptShowsAsTextAndRunsNothing() {
		long project = newProject("{\"name\":\"XSS\",\"min_candidates\":2}");
		prompts.readyPrompt(project, "<img src=x onerror=\"window.xss = 'prompt'\">Pick one",
				"<script>window.xss = 'script'</script>", "<img src=x onerror=\"window.xss = 'img'\">",
				"[click me](javascript:window.xss='link') and **bold** and\n\n```\ncode block\n```");
		signInAsNewLabeler();
		open("/projects/" + project + "/label");
		cardIds();

		assertThat(browser.findElement(By.id("ranking")).getText()).contains("<script>window.xss = 'script'</script>")
			.contains("<img src=x onerror=\"window.xss = 'img'\">");
		assertThat(browser.findElement(By.id("prompt-text")).getText()).contains("<img src=x");
		assertThat(browser.findElements(By.cssSelector("#task img, #task script"))).isEmpty();
		assertThat(browser.findElement(By.cssSelector(".candidate-text a")).getAttribute("href"))
			.doesNotContain("javascript");
		assertThat(browser.findElement(By.cssSelector(".candidate-text strong")).getText()).isEqualTo("bold");
		assertThat(browser.findElement(By.cssSelector(".candidate-text pre code")).getText()).isEqualTo("code block");
		assertThat(((JavascriptExecutor) browser).executeScript("return window.xss === undefined")).isEqualTo(true);
	}

	@Test
	void longCandidatesAreCollapsedWithShowMore() {
		long project = newProject("{\"name\":\"Long\",\"min_candidates\":2}");
		prompts.readyPrompt(project, "Explain", "Short answer",
				"Long answer\n\n" + "A paragraph of text.\n\n".repeat(40));
		signInAsNewLabeler();
		open("/projects/" + project + "/label");
		cardIds();

		List<WebElement> buttons = browser.findElements(By.cssSelector(".candidate .show-more"));
		assertThat(buttons.stream().filter(WebElement::isDisplayed)).hasSize(1);
		WebElement showMore = buttons.stream().filter(WebElement::isDisplayed).findFirst().orElseThrow();
		WebElement text = showMore.findElement(By.xpath("preceding-sibling::div[contains(@class,'candidate-text')]"));
		int collapsed = text.getSize().getHeight();
		showMore.click();

		assertThat(text.getSize().getHeight()).isGreaterThan(collapsed * 2);
		assertThat(showMore.getText()).isEqualTo("Show less");
	}

	@Test
	void workPageShowsWhatTheLabelerDidAndWhatIsLeft() {
		long project = newProject("{\"name\":\"Work counts\",\"rankings_per_prompt\":1,\"min_candidates\":2}");
		prompts.readyPrompt(project, 2);
		prompts.readyPrompt(project, 2);
		prompts.readyPrompt(project, 2);
		ApiClient.Credentials labeler = signInAsNewLabeler();
		String task = api.post("/api/v1/projects/" + project + "/tasks/next", labeler, null)
			.expectStatus(200)
			.json()
			.path("assignment_id")
			.asString();
		api.post("/api/v1/assignments/" + task + "/skip", labeler, null).expectStatus(204);

		open("/work");

		WebElement card = visible(By.cssSelector(".work-project[data-project='" + project + "']"));
		assertThat(card.findElement(By.cssSelector(".work-ranked")).getText()).isEqualTo("0");
		assertThat(card.findElement(By.cssSelector(".work-left")).getText()).isEqualTo("2");
		card.findElement(By.linkText("Start labeling")).click();
		assertThat(path()).isEqualTo("/projects/" + project + "/label");
		cardIds();
	}

	@Test
	void labelPageOfAnUnknownProjectIsNotFound() {
		signInAsNewLabeler();

		open("/projects/987654321/label");

		assertThat(visible(By.cssSelector(".alert.error")).getText()).contains("404");
	}

	/**
	 * A real mouse drag, in small steps as a hand would move, dropping above the target's
	 * middle.
	 */
	private void drag(WebElement card, WebElement target) {
		int up = target.getLocation().getY() - card.getLocation().getY();
		Actions actions = new Actions(browser).moveToElement(card).clickAndHold().pause(Duration.ofMillis(100));
		int steps = 10;
		for (int i = 0; i < steps; i++) {
			actions.moveByOffset(0, up / steps).pause(Duration.ofMillis(30));
		}
		actions.moveByOffset(0, -10).pause(Duration.ofMillis(200)).release().perform();
	}

}
