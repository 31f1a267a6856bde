package org.ranklab.user;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.ranklab.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Pages use a session cookie, so every form needs the CSRF token. */
class PageSecurityTests extends IntegrationTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@Test
	void pageFormWithoutCsrfTokenIsRefused() throws Exception {
		signInAsAdmin();

		HttpResponse<String> response = postForm("/admin/projects", "name=No+token");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(countProjects("No token")).isZero();
	}

	@Test
	void pageFormWithCsrfTokenIsAccepted() throws Exception {
		signInAsAdmin();
		String token = csrfTokenOf(get("/admin/projects/new").body());

		HttpResponse<String> response = postForm("/admin/projects",
				"name=With+token&minCandidates=4&maxCandidates=9&rankingsPerPrompt=3&leaseSeconds=900&_csrf=" + token);

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(countProjects("With token")).isEqualTo(1);
	}

	@Test
	void loginFormItselfNeedsTheCsrfToken() throws Exception {
		HttpResponse<String> response = postForm("/login", "username=admin&password=" + ADMIN_PASSWORD);

		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void apiCallsWithSessionCookieButNoTokenAreRefused() throws Exception {
		signInAsAdmin();

		HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri("/api/v1/projects"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Cookie only\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(countProjects("Cookie only")).isZero();
	}

	@Test
	void pagesAllowScriptsOnlyFromOurOwnOriginAndCannotBeFramed() throws Exception {
		signInAsAdmin();

		for (String page : new String[] { "/login", "/admin/projects", "/admin/users/new", "/work" }) {
			HttpResponse<String> response = get(page);
			assertThat(response.headers().firstValue("Content-Security-Policy")).as(page)
				.hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'"));
			assertThat(response.headers().firstValue("X-Content-Type-Options")).as(page).hasValue("nosniff");
			assertThat(response.headers().firstValue("X-Frame-Options")).as(page).hasValue("DENY");
		}
	}

	@Test
	void anonymousVisitorIsSentToTheLoginPage() throws Exception {
		HttpResponse<String> response = get("/admin/projects");

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

	private void signInAsAdmin() throws IOException, InterruptedException {
		String token = csrfTokenOf(get("/login").body());
		HttpResponse<String> login = postForm("/login",
				"username=" + ADMIN + "&password=" + ADMIN_PASSWORD + "&_csrf=" + token);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return browser.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> postForm(String path, String form) throws IOException, InterruptedException {
		return browser.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static String csrfTokenOf(String html) {
		Matcher matcher = CSRF.matcher(html);
		assertThat(matcher.find()).as("page carries a CSRF token").isTrue();
		return matcher.group(1);
	}

	private long countProjects(String name) {
		return jdbc.sql("SELECT count(*) FROM projects WHERE name = ?").param(name).query(Long.class).single();
	}

}
