package org.ranklab.quality;

import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import org.ranklab.ApiClient.Credentials;
import org.ranklab.BrowserTest;
import org.ranklab.RankingFixture;

import static org.assertj.core.api.Assertions.assertThat;

class GoldLabelingBrowserTests extends BrowserTest {

	private RankingFixture fixture;

	@BeforeEach
	void fixture() {
		fixture = new RankingFixture(api, jdbc);
	}

	/**
	 * 30 regular prompts and 5 gold ones at gold rate 0.5: the labeler meets a gold
	 * prompt but for a chance of 2^-30. Prompt texts say nothing of gold; the test tells
	 * them apart by an "r" or "g" in the question number.
	 */
	@Test
	void labelerWorksThroughGoldTasksThatLookLikeAnyOtherAndTheQualityPageShowsTheirGoldTau() {
		long project = newProject("{\"name\":\"Gold on the page\",\"rankings_per_prompt\":1,\"min_candidates\":2}");
		api.patch("/api/v1/projects/" + project, admin(), "{\"gold_rate\":0.5}").expectStatus(200);
		fixture.importPrompts(project, admin(), records("r", 30, "") + records("g", 5, ",\"gold\":[[0],[1]]"));
		Credentials labeler = newLabeler();
		signIn(labeler);
		open("/projects/" + project + "/label");

		Set<String> regularPages = new HashSet<>();
		Set<String> goldPages = new HashSet<>();
		for (String prompt = nextPrompt(); prompt != null; prompt = nextPrompt()) {
			(prompt.startsWith("Question g") ? goldPages : regularPages).add(pageStructure());
			browser.findElement(By.id("submit")).click();
			String ranked = prompt;
			quickly().until(driver -> browser.findElement(By.id("all-done")).isDisplayed()
					|| !browser.findElement(By.id("prompt-text")).getText().equals(ranked));
		}

		long goldRanked = jdbc.sql("""
				SELECT count(*) FROM rankings r JOIN prompts p ON p.id = r.prompt_id
				WHERE r.project_id = ? AND p.gold IS NOT NULL""").param(project).query(Long.class).single();
		assertThat(goldRanked).isPositive();
		assertThat(regularPages).containsAll(goldPages);
		JsonNode row = qualityRow(project, fixture.pseudonym(labeler));
		assertThat(row.path("gold_tasks").asLong()).isEqualTo(goldRanked);

		browser.manage().deleteAllCookies();
		signInAsAdmin();
		open("/admin/projects/" + project + "/quality");
		WebElement cells = visible(rowOf(fixture.pseudonym(labeler)));
		assertThat(cells.findElement(By.cssSelector(".gold-tasks")).getText()).isEqualTo(Long.toString(goldRanked));
		assertThat(cells.findElement(By.cssSelector(".gold-tau span")).getText())
			.isEqualTo(String.format(Locale.ROOT, "%.3f", row.path("gold_tau").asDouble()));
		assertThat(cells.findElements(By.cssSelector(".gold-tau .flag")))
			.hasSize(row.path("flagged").asBoolean() ? 1 : 0);
	}

	@Test
	void adminExcludesALabelerWithAReasonAndIncludesThemAgainOnTheQualityPage() {
		long project = newProject("{\"name\":\"Exclude on the page\",\"rankings_per_prompt\":3}");
		Credentials labeler = newLabeler();
		fixture.franceAndGreeting(project, labeler, newLabeler(), newLabeler());
		String pseudonym = fixture.pseudonym(labeler);
		signInAsAdmin();
		open("/admin/projects/" + project + "/quality");

		visible(rowOf(pseudonym)).findElement(By.cssSelector("button.exclude")).click();
		browser.findElement(By.id("exclusion-confirm")).click();
		assertThat(visible(By.id("exclusion-form-errors")).getText()).contains("reason");
		browser.findElement(By.id("exclusion-reason")).sendKeys("ranks without reading");
		browser.findElement(By.id("exclusion-confirm")).click();

		waitFor().until(
				driver -> !browser.findElements(By.cssSelector(rowSelector(pseudonym) + " .badge.excluded")).isEmpty());
		WebElement row = browser.findElement(rowOf(pseudonym));
		assertThat(row.findElement(By.cssSelector(".reason")).getText()).isEqualTo("ranks without reading");
		assertThat(qualityRow(project, pseudonym).path("excluded").asBoolean()).isTrue();

		row.findElement(By.cssSelector("button.include")).click();

		waitFor().until(
				driver -> !browser.findElements(By.cssSelector(rowSelector(pseudonym) + " button.exclude")).isEmpty());
		assertThat(browser.findElements(By.cssSelector(rowSelector(pseudonym) + " .badge.excluded"))).isEmpty();
		assertThat(qualityRow(project, pseudonym).path("excluded").asBoolean()).isFalse();
	}

	/** A wait that looks often: the page shows each next task within milliseconds. */
	private WebDriverWait quickly() {
		return (WebDriverWait) waitFor().pollingEvery(Duration.ofMillis(20));
	}

	/** The prompt on the page once the next task is shown, or null when all is done. */
	private String nextPrompt() {
		quickly().until(driver -> browser.findElement(By.id("all-done")).isDisplayed()
				|| !browser.findElements(By.cssSelector("#ranking .candidate")).isEmpty()
						&& !browser.findElement(By.id("prompt-text")).getText().isBlank());
		return browser.findElement(By.id("all-done")).isDisplayed() ? null
				: browser.findElement(By.id("prompt-text")).getText();
	}

	/** The elements of the task on the page with their classes, without any text. */
	private String pageStructure() {
		return (String) ((JavascriptExecutor) browser).executeScript("""
				return Array.from(document.querySelectorAll('main *'))
				  .filter((e) => e.offsetParent !== null)
				  .map((e) => e.tagName + '.' + e.className + '#' + e.id).join(' ')""");
	}

	private JsonNode qualityRow(long project, String pseudonym) {
		return api.get("/api/v1/projects/" + project + "/quality", admin())
			.expectStatus(200)
			.json()
			.path("labelers")
			.valueStream()
			.filter(l -> l.path("labeler").asString().equals(pseudonym))
			.findFirst()
			.orElseThrow();
	}

	private static By rowOf(String pseudonym) {
		return By.cssSelector(rowSelector(pseudonym));
	}

	private static String rowSelector(String pseudonym) {
		return "#labelers tr[data-labeler='" + pseudonym + "']";
	}

	private static String records(String kind, int count, String gold) {
		return IntStream.range(0, count)
			.mapToObj(
					i -> "{\"prompt\":\"Question %s%d\",\"candidates\":[\"Yes\",\"No\"]%s}\n".formatted(kind, i, gold))
			.collect(Collectors.joining());
	}

}
