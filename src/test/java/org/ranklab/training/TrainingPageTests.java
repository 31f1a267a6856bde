package org.ranklab.training;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.ranklab.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingPageTests extends BrowserTest {

	@Test
	void adminTrainsAModelWatchesItsChartAndScoresResponsesWithIt() {
		long project = newProject("{\"name\":\"Trained in the browser\"}");
		new RankingFixture(jdbc).easyRankings(project, 80, 13, false);
		signInAsAdmin();

		open("/admin/projects/" + project + "/training");
		assertThat(visible(By.id("models-empty")).getText()).isEqualTo("None yet.");
		Select architecture = new Select(browser.findElement(By.id("architecture")));
		assertThat(architecture.getFirstSelectedOption().getAttribute("value")).isEqualTo("ensemble");
		// every architecture offered is explained, with its measured figures
		assertThat(browser.findElements(By.cssSelector("#architecture-notes [data-architecture]")))
			.extracting(note -> note.getAttribute("data-architecture"))
			.containsExactlyInAnyOrderElementsOf(
					architecture.getOptions().stream().map(option -> option.getAttribute("value")).toList());
		// the fast network keeps this test short
		architecture.selectByValue("pooled");
		browser.findElement(By.id("epochs")).sendKeys("3");
		submitForm();

		new WebDriverWait(browser, Duration.ofSeconds(90))
			.until(driver -> "SUCCEEDED".equals(driver.findElement(By.id("run-status")).getText()));
		assertThat(browser.findElement(By.id("run-percent")).getText()).isEqualTo("100%");
		assertThat(browser.findElements(By.cssSelector("#run-metrics tbody tr"))).hasSize(3);
		assertThat(browser.findElements(By.cssSelector("#run-chart .uplot canvas"))).isNotEmpty();
		assertThat(browser.findElement(By.id("run-cancel")).isDisplayed()).isFalse();
		List<WebElement> models = waitFor().until(driver -> {
			List<WebElement> rows = driver.findElements(By.cssSelector("#models tbody tr"));
			return rows.isEmpty() ? null : rows;
		});
		assertThat(models).hasSize(1);

		browser.findElement(By.id("score-prompt")).sendKeys("question about this topic");
		browser.findElement(By.id("score-responses"))
			.sendKeys(TrainingRunTests.GOOD_RESPONSE + "\n---\n" + TrainingRunTests.BAD_RESPONSE);
		browser.findElement(By.cssSelector("#score-form button[type=submit]")).click();

		List<WebElement> scored = waitFor().until(driver -> {
			List<WebElement> rows = driver.findElements(By.cssSelector("#score-results tbody tr"));
			return rows.size() == 2 ? rows : null;
		});
		assertThat(scored.get(0).getAttribute("class")).isEqualTo("best");
		assertThat(scored.get(0).getText()).contains(TrainingRunTests.GOOD_RESPONSE);
	}

	@Test
	void showsTheFieldErrorOfARefusedStart() {
		long project = newProject("{\"name\":\"Refused training\"}");
		new RankingFixture(jdbc).easyRankings(project, 2, 13, false);
		signInAsAdmin();

		open("/admin/projects/" + project + "/training");
		browser.findElement(By.id("epochs")).sendKeys("1000");
		submitForm();

		assertThat(visible(By.id("training-errors")).getText()).contains("epochs: must be between 1 and 100");
		assertThat(jdbc.sql("SELECT count(*) FROM training_runs WHERE project_id = ?")
			.param(project)
			.query(Long.class)
			.single()).isZero();
	}

}
