package org.ranklab.labeling;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.ranklab.ApiClient.Credentials;
import org.ranklab.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The label and work pages as a project's lifecycle changes under them: membership,
 * guidelines edited during a session, archiving.
 */
class LabelPageAccessTests extends BrowserTest {

	private PromptFixture prompts;

	@BeforeEach
	void fixture() {
		prompts = new PromptFixture(jdbc);
	}

	@Test
	void aLabelerWhoIsNotAMemberDoesNotSeeTheProjectAndIsRefusedOnItsLabelPage() {
		long project = newProject("{\"name\":\"Members only page\",\"min_candidates\":2}");
		prompts.readyPrompt(project, 2);
		Credentials member = newLabeler();
		Credentials outsider = newLabeler();
		api.patch("/api/v1/projects/" + project, admin(), "{\"access\":\"members\"}").expectStatus(200);
		api.put("/api/v1/projects/" + project + "/members", admin(), "{\"user_ids\":[\"" + userIdOf(member) + "\"]}")
			.expectStatus(200);
		signIn(outsider);

		open("/work");
		visible(By.tagName("h1"));
		assertThat(browser.findElements(By.cssSelector(".work-project[data-project='" + project + "']"))).isEmpty();
		open("/projects/" + project + "/label");
		assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Not allowed");
		assertThat(browser.findElement(By.cssSelector(".alert.error")).getText()).contains("403")
			.contains("members only");
		assertThat(browser.findElements(By.id("ranking"))).isEmpty();

		browser.manage().deleteAllCookies();
		signIn(member);
		open("/work");
		visible(By.cssSelector(".work-project[data-project='" + project + "']"))
			.findElement(By.linkText("Start labeling"))
			.click();
		visible(By.cssSelector("#ranking .candidate"));
	}

	@Test
	void guidelinesEditedDuringASessionComeWithTheNextTaskAndTheLabelerIsToldSo() {
		long project = newProject("""
				{"name":"Guidelines mid-session","min_candidates":2,"guidelines":"Prefer *short* answers"}""");
		prompts.readyPrompt(project, "First prompt", "A", "B");
		prompts.readyPrompt(project, "Second prompt", "C", "D");
		signIn(newLabeler());
		open("/projects/" + project + "/label");
		waitFor().until(ExpectedConditions.textToBe(By.id("prompt-text"), "First prompt"));
		assertThat(browser.findElement(By.id("guidelines-version")).getText()).isEqualTo("version 1");

		api.patch("/api/v1/projects/" + project, admin(), "{\"guidelines\":\"Prefer **correct** answers\"}")
			.expectStatus(200);
		browser.findElement(By.id("skip")).click();

		waitFor().until(ExpectedConditions.textToBe(By.id("prompt-text"), "Second prompt"));
		assertThat(visible(By.id("guidelines-updated")).getText()).contains("updated");
		assertThat(browser.findElement(By.cssSelector("#guidelines-text strong")).getText()).isEqualTo("correct");
		assertThat(browser.findElement(By.id("guidelines-version")).getText()).isEqualTo("version 2");
	}

	@Test
	void theLabelPageOfAnArchivedProjectSaysSoAndTheWorkPageLeavesItOut() {
		long project = newProject("{\"name\":\"Archived page\",\"min_candidates\":2}");
		prompts.readyPrompt(project, 2);
		api.post("/api/v1/projects/" + project + "/archive", admin(), null).expectStatus(200);
		signIn(newLabeler());

		open("/work");
		visible(By.tagName("h1"));
		assertThat(browser.findElements(By.cssSelector(".work-project[data-project='" + project + "']"))).isEmpty();
		open("/projects/" + project + "/label");

		assertThat(visible(By.id("archived")).getText()).contains("This project is archived");
		assertThat(browser.findElements(By.id("loading"))).isEmpty();
		assertThat(browser.findElement(By.id("task")).isDisplayed()).isFalse();
	}

}
