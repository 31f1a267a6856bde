package org.ranklab.prompt.generation;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.ranklab.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

class GenerationPageTests extends BrowserTest {

	private ModelServer model;

	@BeforeEach
	void startModelServer() {
		model = new ModelServer();
	}

	@AfterEach
	void stopModelServer() {
		model.close();
	}

	@Test
	void adminStartsAGenerationAndWatchsItSucceed() {
		long project = newProject("{\"name\":\"Generated in the browser\",\"min_candidates\":3,\"max_candidates\":5}");
		List<Long> prompts = List.of(waitingPrompt(project, "Why is the sky blue?"),
				waitingPrompt(project, "What is a monad?"));
		signInAsAdmin();

		open("/admin/projects/" + project + "/generation");
		assertThat(visible(By.id("waiting-count")).getText()).isEqualTo("2");
		browser.findElement(By.id("base_url")).sendKeys(model.baseUrl());
		browser.findElement(By.id("model")).sendKeys("browser-model");
		browser.findElement(By.id("api_key")).sendKeys("sk-from-the-browser");
		browser.findElement(By.id("n")).clear();
		browser.findElement(By.id("n")).sendKeys("4");
		submitForm();

		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(driver -> "SUCCEEDED".equals(driver.findElement(By.id("job-status")).getText()));
		assertThat(browser.findElement(By.id("job-percent")).getText()).isEqualTo("100%");
		assertThat(browser.findElement(By.id("job-message")).getText()).contains("candidates for 2 of 2 prompts");
		assertThat(browser.findElement(By.id("job-cancel")).isDisplayed()).isFalse();
		assertThat(browser.findElement(By.id("api_key")).getAttribute("value")).isEmpty();
		assertThat(model.calls()).extracting(ModelServer.Call::authorization)
			.containsOnly("Bearer sk-from-the-browser");
		for (long prompt : prompts) {
			assertThat(jdbc.sql("SELECT count(*) FROM candidates WHERE prompt_id = ?")
				.param(prompt)
				.query(Long.class)
				.single()).isEqualTo(4);
		}
	}

	@Test
	void showsTheFieldErrorsOfARefusedStart() {
		long project = newProject("{\"name\":\"Refused in the browser\",\"min_candidates\":3,\"max_candidates\":5}");
		waitingPrompt(project, "Anything?");
		signInAsAdmin();

		open("/admin/projects/" + project + "/generation");
		browser.findElement(By.id("base_url")).sendKeys("not a url");
		browser.findElement(By.id("n")).clear();
		browser.findElement(By.id("n")).sendKeys("9");
		submitForm();

		String errors = visible(By.id("generation-errors")).getText();
		assertThat(errors).contains("base_url:").contains("model:").contains("n: must be between 3 and 5");
		assertThat(jdbc.sql("SELECT count(*) FROM jobs WHERE project_id = ?").param(project).query(Long.class).single())
			.isZero();
	}

	private long waitingPrompt(long project, String text) {
		return jdbc.sql("INSERT INTO prompts (project_id, text) VALUES (?, ?) RETURNING id")
			.params(project, text)
			.query(Long.class)
			.single();
	}

}
