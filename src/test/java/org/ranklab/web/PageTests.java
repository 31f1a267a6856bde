package org.ranklab.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.ranklab.ApiClient;
import org.ranklab.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

class PageTests extends BrowserTest {

	@Test
	void adminCreatesALabelerAndAProjectInTheBrowser() {
		signInAsAdmin();
		assertThat(path()).isEqualTo("/admin/projects");

		open("/admin/users/new");
		browser.findElement(By.id("username")).sendKeys("page-labeler");
		browser.findElement(By.id("password")).sendKeys("page-labeler-pw");
		new Select(browser.findElement(By.id("role"))).selectByValue("LABELER");
		submitForm();
		assertThat(visible(By.cssSelector(".alert")).getText()).contains("page-labeler");

		open("/admin/projects/new");
		browser.findElement(By.id("name")).sendKeys("Browser project");
		browser.findElement(By.id("rankingsPerPrompt")).clear();
		browser.findElement(By.id("rankingsPerPrompt")).sendKeys("2");
		browser.findElement(By.id("allowTies1")).click();
		submitForm();
		assertThat(visible(By.cssSelector(".alert")).getText()).contains("Browser project");

		var stored = jdbc.sql("SELECT rankings_per_prompt, allow_ties FROM projects WHERE name = 'Browser project'")
			.query((rs, n) -> rs.getInt(1) + "/" + rs.getBoolean(2))
			.single();
		assertThat(stored).isEqualTo("2/false");
		api.get("/api/v1/projects", ApiClient.basic("page-labeler", "page-labeler-pw")).expectStatus(200);
	}

	@Test
	void projectFormShowsFieldErrorsAndStoresNothing() {
		signInAsAdmin();
		open("/admin/projects/new");
		browser.findElement(By.id("name")).sendKeys("Inverted range");
		browser.findElement(By.id("minCandidates")).clear();
		browser.findElement(By.id("minCandidates")).sendKeys("7");
		browser.findElement(By.id("maxCandidates")).clear();
		browser.findElement(By.id("maxCandidates")).sendKeys("5");
		submitForm();

		assertThat(visible(By.cssSelector(".field-error")).getText()).contains("min_candidates");
		assertThat(jdbc.sql("SELECT count(*) FROM projects WHERE name = 'Inverted range'").query(Long.class).single())
			.isZero();
	}

	@Test
	void labelerLandsOnTheirWorkAndCannotOpenAdminPages() {
		ApiClient.Credentials labeler = newLabeler();
		String username = decodeUsername(labeler);
		signIn(username, "password-" + username);

		assertThat(path()).isEqualTo("/work");
		open("/admin/users");
		assertThat(visible(By.cssSelector(".alert.error")).getText()).contains("403");
		assertThat(browser.getPageSource()).doesNotContain("New user");
	}

	@Test
	void unknownProjectShowsTheErrorPageNotJson() {
		signInAsAdmin();
		open("/admin/projects/987654321/prompts");

		assertThat(visible(By.cssSelector(".alert.error")).getText()).contains("404");
		assertThat(browser.getPageSource()).doesNotContain("\"status\"");
	}

	@Test
	void wrongPasswordShowsAnErrorOnTheLoginPage() {
		signIn(ADMIN, "wrong-password");

		assertThat(visible(By.cssSelector(".alert.error")).getText()).contains("Wrong username or password");
	}

	private static String decodeUsername(ApiClient.Credentials credentials) {
		String pair = new String(java.util.Base64.getDecoder().decode(credentials.header().substring(6)));
		return pair.substring(0, pair.indexOf(':'));
	}

}
