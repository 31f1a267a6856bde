package org.ranklab.user;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.ranklab.ApiClient;
import org.ranklab.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Pages use a session cookie, so every form needs the CSRF token. Every page of our
 * controllers (read from Spring MVC's mappings, so new pages are covered) sends anonymous
 * visitors to the login page, refuses labelers on admin pages and carries the security
 * headers.
 */
class PageSecurityTests extends IntegrationTest {

	private static final Pattern PAGE_VARIABLE = Pattern.compile("([^/]+)/\\{([^}]+)}");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

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
	void sessionCallWithAnAuthorizationHeaderThatAuthenticatesNothingStillNeedsTheCsrfToken() throws Exception {
		signInAsAdmin();

		HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri("/api/v1/projects"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Token whatever")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Bogus authorization\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(countProjects("Bogus authorization")).isZero();
	}

	@Test
	void basicCallWithTheWrongPasswordIsRefusedAlsoWhenItsSessionBelongsToThatUser() throws Exception {
		String username = "csrf-" + UUID.randomUUID().toString().substring(0, 8);
		api.post("/api/v1/users", admin(),
				"{\"username\":\"%s\",\"password\":\"%s\",\"role\":\"LABELER\"}".formatted(username, "right-password"))
			.expectStatus(201);
		HttpClient labeler = signedIn(username, "right-password");

		HttpResponse<String> response = labeler.send(HttpRequest.newBuilder(uri("/api/v1/tokens"))
			.header("Content-Type", "application/json")
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((username + ":wrong-password").getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"forged\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(
				jdbc.sql("SELECT count(*) FROM access_tokens t JOIN users u ON u.id = t.user_id WHERE u.username = ?")
					.param(username)
					.query(Long.class)
					.single())
			.isZero();
	}

	@Test
	void everyPageAllowsScriptsOnlyFromOurOwnOriginAndCannotBeFramed() throws Exception {
		signInAsAdmin();
		PageIds ids = new PageIds();
		List<String> pages = new ArrayList<>(List.of("/login"));
		for (Route route : pageRoutes()) {
			if (route.method().equals("GET")) {
				pages.add(ids.fill(route.pattern()));
			}
		}

		for (String page : pages) {
			HttpResponse<String> response = get(page);
			assertThat(response.statusCode()).as(page).isIn(200, 302);
			assertSecurityHeaders(page, response);
		}
		// Refusals too: a labeler's 403 page.
		HttpClient labeler = signedIn(ids.labeler, ids.labelerPassword);
		HttpResponse<String> refused = labeler.send(HttpRequest.newBuilder(uri("/admin/users")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(403);
		assertSecurityHeaders("/admin/users as labeler", refused);
	}

	@Test
	void sessionCookieIsHiddenFromScriptsAndNotSentByOtherSites() throws Exception {
		String token = csrfTokenOf(get("/login").body());
		HttpResponse<String> login = postForm("/login",
				"username=" + ADMIN + "&password=" + ADMIN_PASSWORD + "&_csrf=" + token);

		List<String> cookies = login.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("JSESSIONID="))
			.toList();
		assertThat(cookies).isNotEmpty()
			.allSatisfy(cookie -> assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax"));
	}

	@Test
	void sessionCookieIsSecureBehindATlsProxy() throws Exception {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		HttpResponse<String> page = client.send(
				HttpRequest.newBuilder(uri("/login")).header("X-Forwarded-Proto", "https").build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> login = client.send(HttpRequest.newBuilder(uri("/login"))
			.header("X-Forwarded-Proto", "https")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("username=" + ADMIN + "&password=" + ADMIN_PASSWORD + "&_csrf=" + csrfTokenOf(page.body())))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(login.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
			.isNotEmpty()
			.allSatisfy(cookie -> assertThat(cookie).contains("Secure"));
	}

	@Test
	void everyPageSendsAnonymousVisitorsToLoginAndRefusesLabelersOnAdminPages() throws Exception {
		PageIds ids = new PageIds();
		HttpClient anonymous = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String anonymousToken = csrfTokenOf(send(anonymous, "GET", "/login", null).body());
		HttpClient labeler = signedIn(ids.labeler, ids.labelerPassword);
		String labelerToken = csrfTokenOf(send(labeler, "GET", "/work", null).body());
		HttpClient admin = signedIn(ADMIN, ADMIN_PASSWORD);
		String adminToken = csrfTokenOf(send(admin, "GET", "/admin/projects/new", null).body());
		List<Route> routes = pageRoutes();
		assertThat(routes).extracting(Route::pattern).contains("/", "/work", "/admin/projects", "/projects/{id}/label");

		for (Route route : routes) {
			String page = ids.fill(route.pattern());
			String what = route.method() + " " + route.pattern();
			if (route.method().equals("GET")) {
				HttpResponse<String> visitor = send(anonymous, "GET", page, null);
				assertThat(visitor.statusCode()).as("anonymous %s", what).isEqualTo(302);
				assertThat(visitor.headers().firstValue("Location")).as("anonymous %s", what)
					.hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
				assertThat(send(labeler, "GET", page, null).statusCode()).as("labeler %s", what)
					.isEqualTo(route.admin() ? 403 : expectedGetStatus(route));
				assertThat(send(admin, "GET", page, null).statusCode()).as("admin %s", what)
					.isEqualTo(expectedGetStatus(route));
				continue;
			}
			String form = validForm(route, ids, ids.labelerPassword);
			String adminForm = validForm(route, ids, ADMIN_PASSWORD);
			String marker = "page-matrix-" + UUID.randomUUID().toString().substring(0, 8);
			HttpResponse<String> visitor = send(anonymous, "POST", page,
					form.formatted(marker) + "&_csrf=" + anonymousToken);
			assertThat(visitor.statusCode()).as("anonymous %s", what).isEqualTo(302);
			assertThat(visitor.headers().firstValue("Location")).as("anonymous %s", what)
				.hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
			if (route.admin()) {
				// The role check comes first: a labeler is refused whether the form is
				// valid or not.
				assertThat(send(labeler, "POST", page, "_csrf=" + labelerToken).statusCode())
					.as("labeler, empty form, %s", what)
					.isEqualTo(403);
				assertThat(send(labeler, "POST", page, form.formatted(marker) + "&_csrf=" + labelerToken).statusCode())
					.as("labeler %s", what)
					.isEqualTo(403);
				assertThat(jdbc.sql(
						"SELECT (SELECT count(*) FROM projects WHERE name = :m) + (SELECT count(*) FROM users WHERE username = :m)")
					.param("m", marker)
					.query(Long.class)
					.single()).as("stored by %s", what).isZero();
			}
			else {
				assertThat(send(labeler, "POST", page, form.formatted(marker) + "&_csrf=" + labelerToken).statusCode())
					.as("labeler %s", what)
					.isBetween(200, 299);
			}
			assertThat(send(admin, "POST", page, adminForm.formatted(marker + "-admin") + "&_csrf=" + adminToken)
				.statusCode()).as("admin %s", what).isIn(200, 204, 302);
		}
	}

	/** A page route of our own controllers: everything outside the API. */
	record Route(String method, String pattern) {

		boolean admin() {
			return pattern.startsWith("/admin/");
		}

	}

	private List<Route> pageRoutes() {
		List<Route> routes = new ArrayList<>();
		for (var mapping : mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = mapping.getKey();
			HandlerMethod handler = mapping.getValue();
			if (!handler.getBeanType().getPackageName().startsWith("org.ranklab")) {
				continue;
			}
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/api/") || pattern.equals("/login")) {
					continue;
				}
				var methods = info.getMethodsCondition().getMethods();
				assertThat(methods).as("page %s answers a method of its own", pattern).hasSize(1);
				routes.add(new Route(methods.iterator().next().name(), pattern));
			}
		}
		return routes;
	}

	/** {@code /} only sends each user to their start page. */
	private static int expectedGetStatus(Route route) {
		return route.pattern().equals("/") ? 302 : 200;
	}

	/**
	 * A form each page would accept, with {@code %s} where a unique name goes;
	 * {@code password} is the caller's own.
	 */
	private static String validForm(Route route, PageIds ids, String password) {
		return switch (route.pattern()) {
			case "/admin/webhooks" ->
				"url=http%%3A%%2F%%2F127.0.0.1%%3A9%%2F%s&events=project.completed&projectId=" + ids.project;
			case "/admin/webhooks/{id}/delete" -> "unused=%s";
			case "/admin/projects" -> "name=%s&minCandidates=4&maxCandidates=9&rankingsPerPrompt=3&leaseSeconds=900";
			case "/admin/users" -> "username=%s&password=page-matrix-password&role=LABELER";
			case "/projects/{id}/label/next" -> "unused=%s";
			case "/admin/users/{id}/disable", "/admin/users/{id}/enable" -> "back=user&unused=%s";
			case "/admin/users/{id}/role" -> "role=LABELER&unused=%s";
			case "/admin/users/{id}/password" -> "password=page-matrix-password&unused=%s";
			case "/admin/users/{id}/tokens/{tokenId}/revoke" -> "unused=%s";
			case "/admin/reward-models/{id}/serving-keys", "/admin/reward-models/{id}/serving-keys/{keyId}/revoke" ->
				"unused=%s";
			// The same password again: the caller goes on signed in with it.
			case "/account/password" ->
				"currentPassword=%1$s&newPassword=%1$s&repeatedPassword=%1$s&unused=%%s".formatted(password);
			case "/admin/projects/{id}/settings" -> "name=%s&rankingsPerPrompt=1&leaseSeconds=900";
			case "/admin/projects/{id}/members", "/admin/projects/{id}/archive", "/admin/projects/{id}/unarchive" ->
				"unused=%s";
			default -> fail("page %s %s takes a form that PageSecurityTests does not know: add a valid one",
					route.method(), route.pattern());
		};
	}

	/**
	 * Real ids for page variables: one project with a ranking, and its labeler; another
	 * user with a token, for the admin's pages of an account.
	 */
	private final class PageIds {

		final String project;

		final String labeler = "page-labeler-" + UUID.randomUUID().toString().substring(0, 8);

		final String labelerPassword = "password-" + labeler;

		final String pseudonym;

		final String account;

		final String accountToken;

		/**
		 * A reward model's row in a project of its own (its artifact is not a model: the
		 * pages about it never load it).
		 */
		final String rewardModel;

		PageIds() {
			long modelProject = newProject("{\"name\":\"Page ids model\"}");
			long run = jdbc.sql("""
					INSERT INTO training_runs (project_id, status, objective, architecture, source, settings)
					VALUES (?, 'SUCCEEDED', 'rank', 'pooled', 'rankings', '{}') RETURNING id""")
				.param(modelProject)
				.query(Long.class)
				.single();
			rewardModel = Long.toString(jdbc
				.sql("""
						INSERT INTO reward_models (project_id, training_run_id, architecture, objective, metrics, reward_mean,
						                           reward_std, artifact, artifact_bytes)
						VALUES (?, ?, 'pooled', 'rank', '{}', 0, 1, '\\x00', 1) RETURNING id""")
				.params(modelProject, run)
				.query(Long.class)
				.single());
			project = Long
				.toString(newProject("{\"name\":\"Page ids\",\"min_candidates\":2,\"rankings_per_prompt\":1}"));
			api.send("POST", "/api/v1/projects/" + project + "/prompts", admin(), "application/x-ndjson",
					"{\"prompt\":\"one\",\"candidates\":[\"a\",\"b\"]}\n{\"prompt\":\"two\",\"candidates\":[\"c\",\"d\"]}\n")
				.expectStatus(201);
			api.post("/api/v1/users", admin(), "{\"username\":\"%s\",\"password\":\"%s\",\"role\":\"LABELER\"}"
				.formatted(labeler, labelerPassword)).expectStatus(201);
			ApiClient.Credentials credentials = ApiClient.basic(labeler, labelerPassword);
			var task = api.post("/api/v1/projects/" + project + "/tasks/next", credentials, null)
				.expectStatus(200)
				.json();
			List<String> tiers = new ArrayList<>();
			task.path("candidates").forEach(c -> tiers.add("[\"" + c.path("id").asString() + "\"]"));
			api.post("/api/v1/assignments/" + task.path("assignment_id").asString() + "/ranking", credentials,
					"{\"ranking\":[" + String.join(",", tiers) + "]}")
				.expectStatus(201);
			pseudonym = api.get("/api/v1/projects/" + project + "/quality", admin())
				.expectStatus(200)
				.json()
				.path("labelers")
				.get(0)
				.path("labeler")
				.asString();
			String accountName = "page-account-" + UUID.randomUUID().toString().substring(0, 8);
			account = api
				.post("/api/v1/users", admin(),
						"{\"username\":\"%s\",\"password\":\"page-matrix-password\",\"role\":\"LABELER\"}"
							.formatted(accountName))
				.expectStatus(201)
				.json()
				.path("id")
				.asString();
			accountToken = api
				.post("/api/v1/tokens", ApiClient.basic(accountName, "page-matrix-password"), "{\"name\":\"page\"}")
				.expectStatus(201)
				.json()
				.path("id")
				.asString();
		}

		private String servingKey() {
			return api.post("/api/v1/reward-models/" + rewardModel + "/serving-keys", admin(), null)
				.expectStatus(201)
				.json()
				.path("id")
				.asString();
		}

		private String newWebhook() {
			return api
				.post("/api/v1/webhooks", admin(),
						"""
								{"url":"http://127.0.0.1:9/pages","events":["project.completed"],"project_id":"%s"}"""
							.formatted(project))
				.expectStatus(201)
				.json()
				.path("id")
				.asString();
		}

		String fill(String pattern) {
			Matcher matcher = PAGE_VARIABLE.matcher(pattern);
			StringBuilder filled = new StringBuilder();
			while (matcher.find()) {
				String variable = matcher.group(1) + "/{" + matcher.group(2) + "}";
				String id = switch (variable) {
					case "projects/{id}", "projects/{projectId}" -> project;
					case "labelers/{labeler}" -> pseudonym;
					// A new one each time: the admin's delete removes the last.
					case "webhooks/{id}" -> newWebhook();
					case "users/{id}" -> account;
					case "tokens/{tokenId}" -> accountToken;
					case "reward-models/{id}" -> rewardModel;
					case "serving-keys/{keyId}" -> servingKey();
					default ->
						fail("page variable %s of %s has no id: add one to PageSecurityTests", variable, pattern);
				};
				matcher.appendReplacement(filled, Matcher.quoteReplacement(matcher.group(1) + "/" + id));
			}
			matcher.appendTail(filled);
			return filled.toString();
		}

	}

	private static void assertSecurityHeaders(String page, HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Security-Policy")).as(page).hasValueSatisfying(csp -> {
			assertThat(directive(csp, "script-src")).as(page)
				.startsWith("script-src 'self'")
				.doesNotContain("unsafe-inline", "unsafe-eval", "*");
			// Whatever no directive names (styles, fonts, fetches, frames, workers,
			// media) comes from our own origin only.
			assertThat(directive(csp, "default-src")).as(page).isIn("default-src 'self'", "default-src 'none'");
			assertThat(csp).as(page).contains("frame-ancestors 'none'").contains("object-src 'none'");
		});
		assertThat(response.headers().firstValue("X-Content-Type-Options")).as(page).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).as(page).hasValue("DENY");
	}

	private static String directive(String policy, String name) {
		return List.of(policy.split(";"))
			.stream()
			.map(String::strip)
			.filter(d -> d.startsWith(name + " "))
			.findFirst()
			.orElse("");
	}

	private HttpClient signedIn(String username, String password) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String token = csrfTokenOf(send(client, "GET", "/login", null).body());
		HttpResponse<String> login = send(client, "POST", "/login",
				"username=" + username + "&password=" + password + "&_csrf=" + token);
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		return client;
	}

	private HttpResponse<String> send(HttpClient client, String method, String path, String form)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
		if (form == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/x-www-form-urlencoded")
				.method(method, HttpRequest.BodyPublishers.ofString(form));
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
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
