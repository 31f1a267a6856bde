package org.ranklab.export;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.ranklab.ApiClient.Credentials;
import org.ranklab.BrowserTest;
import org.ranklab.export.RankingFixture.StoredPrompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ranklab.export.ExportApiTests.plan;

class ExportPagesTests extends BrowserTest {

	private RankingFixture fixture;

	@BeforeEach
	void fixture() {
		fixture = new RankingFixture(api, jdbc);
	}

	@Test
	void adminSeesTheOverviewWithProgressChartAndDownloads() {
		long project = rankedProject("Overview page");
		signInAsAdmin();
		open("/admin/projects");

		browser.findElement(By.linkText("Overview page")).click();

		waitFor().until(driver -> path().equals("/admin/projects/" + project));
		assertThat(browser.findElement(By.id("progress-rankings")).getAttribute("value")).isEqualTo("5");
		assertThat(browser.findElement(By.id("progress-complete")).getAttribute("value")).isEqualTo("1");
		assertThat(visible(By.cssSelector("#rankings-per-day .uplot canvas")).getSize().getHeight()).isPositive();
		List<String> downloads = browser.findElements(By.cssSelector(".downloads a"))
			.stream()
			.map(link -> link.getAttribute("href").replaceAll("^.*/projects/\\d+/", ""))
			.toList();
		assertThat(downloads).containsExactly("export/pairs", "export/pairs?source=consensus", "export/rankings",
				"export/consensus", "export/best");
		// The buttons download with the page's session: the API takes the cookie for
		// reads.
		Object firstLine = ((JavascriptExecutor) browser).executeAsyncScript(
				"""
						const done = arguments[arguments.length - 1];
						fetch(document.querySelector('.downloads a').href)
						  .then(r => r.text().then(t => done(r.status + ' ' + r.headers.get('content-disposition') + ' ' + t.split('\\n')[0])));
						""");
		assertThat(firstLine.toString()).startsWith("200 attachment; filename=\"overview-page-pairs-")
			.contains("{\"prompt\":\"Capital of France?\",\"chosen\":\"Paris\",\"rejected\":\"Lyon\"");
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

	/**
	 * Two prompts ranked by three labelers, as in the API tests: five rankings, one not
	 * rankable, one skip.
	 */
	private long rankedProject(String name) {
		long project = newProject("{\"name\":\"" + name + "\",\"rankings_per_prompt\":3}");
		StoredPrompt france = fixture.prompt(project, "Capital of France?", "Paris", "Lyon", "Nice", "Lille");
		StoredPrompt greeting = fixture.prompt(project, "Say hi", "Hi", "Hello", "Hey", "Yo");
		Credentials first = newLabeler();
		Credentials second = newLabeler();
		Credentials third = newLabeler();
		fixture.label(project, first, plan(france, "Paris > Lyon > Nice > Lille", greeting, "not rankable"));
		fixture.label(project, second, plan(france, "Paris > Lyon = Nice > Lille", greeting, "Hi > Hello > Hey > Yo"));
		fixture.label(project, third, plan(france, "Lyon > Paris > Nice > Lille", greeting, "skip"));
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
