package org.ranklab.user;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.ranklab.ApiClient;
import org.ranklab.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts in Chromium: a disabled labeler thrown out of an open label page, an admin
 * managing an account from the users page, and a user changing their own password.
 */
class AccountPageTests extends BrowserTest {

	private record Account(String id, String username, String password) {

		ApiClient.Credentials basic() {
			return ApiClient.basic(username, password);
		}

	}

	@Test
	void aDisabledLabelerIsThrownOutOfTheOpenLabelPage() {
		long project = newProject("{\"name\":\"Thrown out\",\"min_candidates\":2,\"rankings_per_prompt\":1}");
		api.send("POST", "/api/v1/projects/" + project + "/prompts", admin(), "application/x-ndjson",
				"{\"prompt\":\"Pick one\",\"candidates\":[\"Yes\",\"No\"]}\n")
			.expectStatus(201);
		Account labeler = newAccount("LABELER");
		signIn(labeler.username(), labeler.password());
		open("/projects/" + project + "/label");
		visible(By.cssSelector("#ranking .candidate"));

		api.patch("/api/v1/users/" + labeler.id(), admin(), "{\"disabled\":true}").expectStatus(200);
		browser.findElement(By.id("submit")).click();

		waitFor().until(driver -> path().equals("/login"));
		alertSays("main .alert", "Your session has ended");
		assertThat(jdbc.sql("SELECT count(*) FROM rankings WHERE project_id = ?")
			.param(project)
			.query(Long.class)
			.single()).isZero();
		open("/projects/" + project + "/label");
		assertThat(path()).isEqualTo("/login");
		browser.findElement(By.id("username")).sendKeys(labeler.username());
		browser.findElement(By.id("password")).sendKeys(labeler.password());
		submitForm();
		alertSays("main .alert.error", "This account is disabled");
	}

	@Test
	void anAdminDisablesEnablesResetsAndRevokesFromTheUsersPages() {
		Account labeler = newAccount("LABELER");
		String token = api.post("/api/v1/tokens", labeler.basic(), "{\"name\":\"laptop\",\"expires_in_days\":30}")
			.expectStatus(201)
			.json()
			.path("token")
			.asString();
		signInAsAdmin();
		open("/admin/users");

		row(labeler).findElement(By.cssSelector("button[type=submit]")).click();
		alertSays("main .alert", "Account disabled");
		assertThat(row(labeler).getText()).contains("Disabled");
		api.get("/api/v1/projects", labeler.basic()).expectProblem(401);

		row(labeler).findElement(By.linkText(labeler.username())).click();
		browser.findElement(By.id("access")).click();
		alertSays("main .alert", "Account enabled");
		api.get("/api/v1/projects", ApiClient.bearer(token)).expectStatus(200);

		WebElement tokenRow = visible(By.cssSelector("tr[data-token]"));
		assertThat(tokenRow.getText()).contains("laptop");
		tokenRow.findElement(By.cssSelector("button[type=submit]")).click();
		alertSays("main .alert", "Token revoked");
		assertThat(browser.findElements(By.cssSelector("tr[data-token]"))).isEmpty();
		api.get("/api/v1/projects", ApiClient.bearer(token)).expectProblem(401);

		browser.findElement(By.id("new-password")).sendKeys("é".repeat(37));
		browser.findElement(By.xpath("//button[text()='Reset password']")).click();
		alertSays("main .alert.error", "72 bytes");
		browser.findElement(By.id("new-password")).sendKeys("reset-by-the-admin");
		browser.findElement(By.xpath("//button[text()='Reset password']")).click();
		alertSays("main .alert", "Password reset");
		api.get("/api/v1/projects", ApiClient.basic(labeler.username(), "reset-by-the-admin")).expectStatus(200);

		new Select(browser.findElement(By.id("role"))).selectByValue("ADMIN");
		browser.findElement(By.xpath("//button[text()='Change role']")).click();
		alertSays("main .alert", "Role changed");
		api.get("/api/v1/users", ApiClient.basic(labeler.username(), "reset-by-the-admin")).expectStatus(200);
	}

	@Test
	void anAdminCannotDisableThemselvesOnTheUsersPage() {
		signInAsAdmin();
		open("/admin/users");

		browser.findElement(By.cssSelector("tr[data-user='" + ADMIN + "'] button[type=submit]")).click();

		alertSays("main .alert.error", "your own account");
		assertThat(browser.findElement(By.cssSelector("tr[data-user='" + ADMIN + "']")).getText()).contains("Enabled");
	}

	@Test
	void aLabelerChangesTheirOwnPasswordFromTheHeader() {
		Account labeler = newAccount("LABELER");
		signIn(labeler.username(), labeler.password());

		browser.findElement(By.linkText("Password")).click();
		fillPasswordForm("not-the-password", "a-new-password", "a-new-password");
		assertThat(visible(By.cssSelector(".field-error")).getText()).contains("not your current password");
		fillPasswordForm(labeler.password(), "a-new-password", "a-typo-password");
		assertThat(visible(By.cssSelector(".field-error")).getText()).contains("not the same");
		fillPasswordForm(labeler.password(), "a-new-password", "a-new-password");

		alertSays("main .alert", "Your password was changed");
		open("/work");
		assertThat(path()).isEqualTo("/work");
		api.get("/api/v1/projects", labeler.basic()).expectProblem(401);
		api.get("/api/v1/projects", ApiClient.basic(labeler.username(), "a-new-password")).expectStatus(200);
	}

	private void fillPasswordForm(String current, String next, String repeated) {
		visible(By.id("currentPassword")).sendKeys(current);
		browser.findElement(By.id("newPassword")).sendKeys(next);
		browser.findElement(By.id("repeatedPassword")).sendKeys(repeated);
		submitForm();
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".field-error, main .alert")));
	}

	/**
	 * Waits for the text rather than the element: the page before a form's redirect has
	 * an alert too.
	 */
	private void alertSays(String selector, String text) {
		waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(selector), text));
	}

	private WebElement row(Account account) {
		return visible(By.cssSelector("tr[data-user='" + account.username() + "']"));
	}

	private Account newAccount(String role) {
		String username = "page-account-" + UUID.randomUUID().toString().substring(0, 8);
		String password = "password-" + username;
		String id = api
			.post("/api/v1/users", admin(),
					"{\"username\":\"%s\",\"password\":\"%s\",\"role\":\"%s\"}".formatted(username, password, role))
			.expectStatus(201)
			.json()
			.path("id")
			.asString();
		return new Account(id, username, password);
	}

}
