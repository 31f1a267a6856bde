package org.ranklab.prompt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.ranklab.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

class PromptPageTests extends BrowserTest {

	@Test
	void adminUploadsAFileSeesTheCountAndBrowsesThePrompts() throws IOException {
		long project = newProject("{\"name\":\"Browser import\"}");
		Path file = file("prompts.jsonl", """
				{"external_id":"b1","prompt":"<b>not bold</b>","candidates":["a","b",{"text":"c","model":"m-7b"},"d"]}
				{"prompt":"Waits for generation"}
				""");
		signInAsAdmin();
		browser.findElement(By.linkText("Browser import")).click();
		browser.findElement(By.linkText("Prompts and import")).click();
		assertThat(path()).isEqualTo("/admin/projects/" + project + "/prompts");

		browser.findElement(By.id("import-file")).sendKeys(file.toString());
		submitForm();

		waitFor()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-status"), "Imported 2 prompts"));
		assertThat(browser.findElement(By.id("import-status")).getText()).contains("1 waiting for generation");
		browser.findElement(By.linkText("Show the prompts")).click();
		WebElement prompt = visible(By.cssSelector(".prompt-text"));
		assertThat(prompt.getText()).isEqualTo("<b>not bold</b>");
		assertThat(browser.findElements(By.cssSelector(".prompt-text b"))).isEmpty();
		WebElement candidates = browser.findElement(By.cssSelector(".prompt details"));
		assertThat(candidates.getDomProperty("open")).isEqualTo("false");
		candidates.findElement(By.tagName("summary")).click();
		assertThat(candidates.findElements(By.cssSelector(".candidates li"))).hasSize(4);
		assertThat(candidates.getText()).contains("m-7b");
		assertThat(browser.findElement(By.cssSelector(".badge.waiting")).getText()).isEqualTo("waiting for generation");
	}

	@Test
	void refusedUploadListsTheErrorsByLine() throws IOException {
		long project = newProject("{\"name\":\"Browser refusal\"}");
		Path file = file("bad.jsonl", """
				{"prompt":"fine","candidates":["a","b","c","d"]}
				{"prompt":"short","candidates":["a","b","c"]}
				{"prompt":"","candidates":["a","b","c","d"]}
				""");
		signInAsAdmin();
		open("/admin/projects/" + project + "/prompts");

		browser.findElement(By.id("import-file")).sendKeys(file.toString());
		submitForm();

		WebElement errors = visible(By.id("import-errors"));
		assertThat(errors.findElements(By.tagName("li"))).extracting(WebElement::getText)
			.containsExactly("line 2: 3 candidates, this project needs 4 to 9", "line 3: prompt is blank");
		assertThat(browser.findElement(By.id("import-status")).getText()).contains("Nothing was imported");
		assertThat(
				jdbc.sql("SELECT count(*) FROM prompts WHERE project_id = ?").param(project).query(Long.class).single())
			.isZero();
	}

	private static Path file(String name, String content) throws IOException {
		Path directory = Files.createTempDirectory("ranklab-import");
		directory.toFile().deleteOnExit();
		Path file = Files.writeString(directory.resolve(name), content);
		file.toFile().deleteOnExit();
		return file;
	}

}
