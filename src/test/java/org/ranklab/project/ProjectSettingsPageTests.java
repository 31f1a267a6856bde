package org.ranklab.project;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import org.ranklab.ApiClient.Credentials;
import org.ranklab.BrowserTest;
import org.ranklab.RankingFixture;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectSettingsPageTests extends BrowserTest {

	private RankingFixture fixture;

	@BeforeEach
	void fixture() {
		fixture = new RankingFixture(api, jdbc);
	}

	@Test
	void adminEditsTheGuidelinesAndTheLabelPageShowsTheNewVersion() {
		long project = newProject("""
				{"name":"Guidelines page","min_candidates":2,"guidelines":"Prefer **short** answers"}""");
		var prompt = fixture.prompt(project, "Capital of France?", "Paris", "Lyon");
		fixture.label(project, newLabeler(), RankingFixture.plan(prompt, "Paris > Lyon"));
		signInAsAdmin();
		open("/admin/projects/" + project);
		browser.findElement(By.id("settings-link")).click();

		assertThat(browser.findElement(By.cssSelector("fieldset.meaning")).getAttribute("disabled"))
			.as("the meaning of rankings is fixed once one exists")
			.isNotNull();
		WebElement guidelines = browser.findElement(By.id("guidelines"));
		guidelines.clear();
		guidelines.sendKeys("Prefer **correct** answers\nthen short ones");
		browser.findElement(By.id("save-settings")).click();

		assertThat(visible(By.id("saved")).getText()).isEqualTo("Settings saved.");
		assertThat(browser.findElement(By.id("guidelines-version")).getText()).isEqualTo("2");
		JsonNode saved = api.get("/api/v1/projects/" + project, admin()).json();
		assertThat(saved.path("guidelines").asString()).isEqualTo("Prefer **correct** answers\nthen short ones");
		assertThat(saved.path("guidelines_version").asInt()).isEqualTo(2);
		assertThat(saved.path("min_candidates").asInt()).isEqualTo(2);
		// Saving the same text again (sent back with CRLF line breaks) makes no new
		// version.
		browser.findElement(By.id("save-settings")).click();
		assertThat(visible(By.id("guidelines-version")).getText()).isEqualTo("2");

		browser.manage().deleteAllCookies();
		signIn(newLabeler());
		open("/projects/" + project + "/label");

		assertThat(visible(By.cssSelector("#guidelines-text strong")).getText()).isEqualTo("correct");
		assertThat(browser.findElement(By.id("guidelines-version")).getText()).isEqualTo("version 2");
		assertThat(browser.findElement(By.id("guidelines-updated")).isDisplayed()).isFalse();
	}

	@Test
	void adminPicksMembersAmongTheLabelersAndTheAuditLogShowsWhatChanged() {
		long project = newProject("{\"name\":\"Members page\"}");
		Credentials chosen = newLabeler();
		Credentials other = newLabeler();
		signInAsAdmin();
		open("/admin/projects/" + project + "/settings");

		new Select(browser.findElement(By.id("access"))).selectByVisibleText("Members only");
		browser.findElement(By.id("save-settings")).click();
		visible(By.id("saved"));
		memberBox(chosen).click();
		browser.findElement(By.id("save-members")).click();

		assertThat(visible(By.id("saved")).getText()).isEqualTo("1 member saved.");
		assertThat(memberBox(chosen).isSelected()).isTrue();
		assertThat(memberBox(other).isSelected()).isFalse();
		assertThat(api.get("/api/v1/projects/" + project + "/members", admin()).json().path("user_ids").toString())
			.isEqualTo("[\"" + userIdOf(chosen) + "\"]");
		assertThat(api.get("/api/v1/projects/" + project, admin()).json().path("access").asString())
			.isEqualTo("members");

		browser.findElement(By.id("audit-link")).click();
		List<String> actions = browser.findElements(By.cssSelector("#audit-entries .audit-action"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(actions).containsExactly("project.members_changed", "project.updated", "project.created");
		assertThat(browser.findElement(By.cssSelector("#audit-entries tbody tr:nth-child(2) .audit-changes")).getText())
			.isEqualTo("access: all_labelers → members");
		assertThat(browser.findElement(By.cssSelector("#audit-entries tbody tr:nth-child(1) .audit-changes")).getText())
			.isEqualTo("user_ids: [] → [" + userIdOf(chosen) + "]");
	}

	@Test
	void anArchivedProjectIsListedApartUntilUnarchived() {
		long project = newProject("{\"name\":\"Archive page\"}");
		signInAsAdmin();
		open("/admin/projects/" + project + "/settings");

		browser.findElement(By.id("archive")).click();

		assertThat(visible(By.id("saved")).getText()).startsWith("Project archived");
		open("/admin/projects");
		assertThat(visible(By.id("archived")).findElements(By.linkText("Archive page"))).hasSize(1);
		assertThat(browser.findElements(By.cssSelector("#projects a")))
			.noneMatch(a -> a.getText().equals("Archive page"));

		open("/admin/projects/" + project + "/settings");
		browser.findElement(By.id("unarchive")).click();

		assertThat(visible(By.id("saved")).getText()).startsWith("Project unarchived");
		assertThat(api.get("/api/v1/projects/" + project, admin()).json().path("archived").asBoolean()).isFalse();
	}

	private WebElement memberBox(Credentials labeler) {
		return browser.findElement(By.cssSelector("input[name=userIds][value='" + userIdOf(labeler) + "']"));
	}

}
