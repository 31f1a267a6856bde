package org.ranklab.user;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ranklab.ApiClient;
import org.ranklab.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password guessing over HTTP Basic and the login form. The tests' settings lock a
 * username for 2 s after 5 failures (4 s at most); each test uses its own fresh username.
 */
class LoginThrottleApiTests extends IntegrationTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Test
	void refusesEvenTheRightPasswordWith429AfterFiveFailuresUntilTheDelayExpires() throws InterruptedException {
		String username = newUser();
		failBasic(username, 5);

		ApiClient.Response refused = api.get("/api/v1/projects", basic(username));
		JsonNode problem = refused.expectProblem(429);

		assertThat(refused.raw().headers().firstValue("Retry-After"))
			.hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 2));
		assertThat(problem.path("detail").asString()).contains("too many failed sign-ins");
		api.get("/api/v1/projects", ApiClient.basic(username, "still-wrong")).expectProblem(429);

		awaitUnlocked(username);
		api.get("/api/v1/projects", basic(username)).expectStatus(200);
	}

	@Test
	void aSuccessClearsTheFailures() throws InterruptedException {
		String username = newUser();
		failBasic(username, 4);
		api.get("/api/v1/projects", basic(username)).expectStatus(200);

		failBasic(username, 4);

		api.get("/api/v1/projects", basic(username)).expectStatus(200);
	}

	@Test
	void otherUsersAndTokensAreNotAffected() {
		String username = newUser();
		String token = api.post("/api/v1/tokens", basic(username), "{\"name\":\"script\"}")
			.expectStatus(201)
			.json()
			.path("token")
			.asString();
		String bystander = newUser();
		failBasic(username, 5);

		api.get("/api/v1/projects", basic(username)).expectProblem(429);
		api.get("/api/v1/projects", basic(bystander)).expectStatus(200);
		api.get("/api/v1/projects", ApiClient.bearer(token)).expectStatus(200);
	}

	@Test
	void loginFormAndBasicShareTheCountAndTheFormSaysToWait() throws Exception {
		String username = newUser();
		Browser browser = new Browser();
		for (int i = 0; i < 3; i++) {
			assertThat(browser.signIn(username, "wrong-password").headers().firstValue("Location"))
				.hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
		}
		failBasic(username, 2);

		HttpResponse<String> refused = browser.signIn(username, password(username));

		assertThat(refused.headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/login?throttled"));
		String page = browser.get("/login?throttled").body();
		assertThat(page).contains("Too many failed sign-ins")
			.containsPattern("Please wait [12] s before you try again");
		assertThat(browser.get("/work").statusCode()).as("not signed in").isEqualTo(302);

		awaitUnlocked(username);
		HttpResponse<String> signedIn = browser.signIn(username, password(username));
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).doesNotContain("/login"));
		assertThat(browser.get("/work").statusCode()).isEqualTo(200);
	}

	@Test
	void theWaitOnTheLoginPageComesFromTheServerNotTheUrl() throws Exception {
		String page = new Browser().get("/login?throttled=999999").body();

		assertThat(page).contains("Too many failed sign-ins").doesNotContain("999999");
	}

	private String newUser() {
		String username = "throttled-" + UUID.randomUUID().toString().substring(0, 8);
		api.post("/api/v1/users", admin(), "{\"username\":\"%s\",\"password\":\"%s\",\"role\":\"LABELER\"}"
			.formatted(username, password(username))).expectStatus(201);
		return username;
	}

	private static String password(String username) {
		return "password-of-" + username;
	}

	private static ApiClient.Credentials basic(String username) {
		return ApiClient.basic(username, password(username));
	}

	private void failBasic(String username, int times) {
		for (int i = 0; i < times; i++) {
			api.get("/api/v1/projects", ApiClient.basic(username, "wrong-" + i)).expectProblem(401);
		}
	}

	/**
	 * Waits (at most 5 s) until the right password gets past the throttle again, without
	 * guessing.
	 */
	private void awaitUnlocked(String username) throws InterruptedException {
		long deadline = System.nanoTime() + 5_000_000_000L;
		ApiClient.Response response = api.get("/api/v1/projects", basic(username));
		while (response.status() == 429 && System.nanoTime() < deadline) {
			long seconds = Long.parseLong(response.raw().headers().firstValue("Retry-After").orElse("1"));
			Thread.sleep(Math.min(seconds * 1000, 500));
			response = api.get("/api/v1/projects", basic(username));
		}
		response.expectStatus(200);
	}

	/** A cookie-keeping client that signs in with the login form, as a browser does. */
	private final class Browser {

		private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
			Matcher csrf = CSRF.matcher(get("/login").body());
			assertThat(csrf.find()).isTrue();
			String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + csrf.group(1);
			return http.send(HttpRequest.newBuilder(uri("/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
		}

		private URI uri(String path) {
			return URI.create("http://127.0.0.1:" + port + path);
		}

		private static String encode(String text) {
			return URLEncoder.encode(text, StandardCharsets.UTF_8);
		}

	}

}
