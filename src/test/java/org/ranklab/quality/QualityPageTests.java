package org.ranklab.quality;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.ranklab.BrowserTest;
import org.ranklab.RankingFixture;

import static org.assertj.core.api.Assertions.assertThat;

class QualityPageTests extends BrowserTest {

	private RankingFixture fixture;

	@BeforeEach
	void fixture() {
		fixture = new RankingFixture(api, jdbc);
	}

	@Test
	void qualityPageSortsLabelersDrawsTheHistogramAndReviewsALabeler() {
		long project = rankedProject("Quality page");
		signInAsAdmin();
		open("/admin/projects/" + project);
		browser.findElement(By.id("quality-link")).click();

		waitFor().until(driver -> path().equals("/admin/projects/" + project + "/quality"));
		assertThat(browser.findElement(By.id("pairwise-agreement")).getText()).isEqualTo("0.778");
		assertThat(visible(By.cssSelector("#agreement-histogram .uplot canvas")).getSize().getHeight()).isPositive();
		assertThat(visible(By.id("histogram-note")).getText()).isEqualTo("1 prompt with two or more rankings.");

		header("Kendall τ").click();
		assertThat(column(2)).containsExactly("0.913", "0.800", "0.667");
		header("Kendall τ").click();
		assertThat(column(2)).containsExactly("0.667", "0.800", "0.913");
		header("Not rankable").click();
		assertThat(column(5).get(0)).isEqualTo("50% (1)");

		WebElement closest = browser.findElements(By.cssSelector("#labelers tbody tr"))
			.stream()
			.filter(row -> row.findElements(By.tagName("td")).get(2).getText().equals("0.913"))
			.findFirst()
			.orElseThrow();
		closest.findElement(By.cssSelector("button.review")).click();
		visible(By.cssSelector("#reviewed .reviewed-ranking"));
		assertThat(browser.findElements(By.cssSelector("#reviewed .reviewed-ranking"))).hasSize(1);
		assertThat(texts("#reviewed .theirs li")).containsExactly("Paris", "Lyon", "Nice", "Lille");
		assertThat(texts("#reviewed .consensus li")).containsExactly("Paris = Lyon", "Nice", "Lille");
		assertThat(browser.findElement(By.cssSelector("#reviewed .tau")).getText()).isEqualTo("τ 0.91");
	}

	@Test
	void qualityPageShowsPositionBiasAndFlagsTheBiasedLabeler() {
		long project = newProject("{\"name\":\"Position bias page\",\"rankings_per_prompt\":2,\"allow_ties\":false}");
		var firstShown = newLabeler();
		var even = newLabeler();
		new PositionBiasFixture(api, fixture).rank(project, admin(), firstShown, even);
		signInAsAdmin();

		open("/admin/projects/" + project + "/quality");

		assertThat(visible(By.id("first-place-by-position")).getText()).isEqualTo("62% · 12% · 12% · 12%");
		assertThat(browser.findElement(By.id("position-bias-p")).getText())
			.isEqualTo("Chi-square test against chance: p < 0.001: the position shown sways the rankings.");
		WebElement biased = row(fixture.pseudonym(firstShown));
		assertThat(biased.findElement(By.cssSelector("td.position-bias")).getText())
			.startsWith("100% · 0% · 0% · 0% (p < 0.001)")
			.endsWith("position bias");
		WebElement unbiased = row(fixture.pseudonym(even));
		assertThat(unbiased.findElement(By.cssSelector("td.position-bias")).getText())
			.isEqualTo("25% · 25% · 25% · 25% (p = 1.000)");
	}

	private WebElement row(String pseudonym) {
		return browser.findElement(By.cssSelector("#labelers tr[data-labeler='" + pseudonym + "']"));
	}

	/**
	 * Two prompts ranked by three labelers, as in the API tests: five rankings, one not
	 * rankable, one skip.
	 */
	private long rankedProject(String name) {
		long project = newProject("{\"name\":\"" + name + "\",\"rankings_per_prompt\":3}");
		fixture.franceAndGreeting(project, newLabeler(), newLabeler(), newLabeler());
		return project;
	}

	private WebElement header(String text) {
		return browser.findElements(By.cssSelector("#labelers th button"))
			.stream()
			.filter(button -> button.getText().equals(text))
			.findFirst()
			.orElseThrow();
	}

	private List<String> column(int index) {
		return browser.findElements(By.cssSelector("#labelers tbody tr"))
			.stream()
			.map(row -> row.findElements(By.tagName("td")).get(index).getText())
			.toList();
	}

	private List<String> texts(String selector) {
		return browser.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
	}

}
