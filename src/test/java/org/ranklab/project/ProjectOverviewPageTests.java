package org.ranklab.project;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import org.ranklab.BrowserTest;
import org.ranklab.RankingFixture;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectOverviewPageTests extends BrowserTest {

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

	/**
	 * Two prompts ranked by three labelers, as in the API tests: five rankings, one not
	 * rankable, one skip.
	 */
	private long rankedProject(String name) {
		long project = newProject("{\"name\":\"" + name + "\",\"rankings_per_prompt\":3}");
		fixture.franceAndGreeting(project, newLabeler(), newLabeler(), newLabeler());
		return project;
	}

}
