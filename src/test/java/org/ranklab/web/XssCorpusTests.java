package org.ranklab.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import org.ranklab.ApiClient;
import org.ranklab.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-text corpus ({@code xss-payloads.txt}) stored as everything users can
 * write: project names, guidelines, prompts, candidates, external ids, model names,
 * usernames, ranking comments, job messages and training errors; then every page that
 * shows them is rendered in Chromium. The pages' Content-Security-Policy would stop
 * inline scripts anyway, so it is switched off in the browser here: what is tested is the
 * escaping.
 */
class XssCorpusTests extends BrowserTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PASSWORD = "xss-corpus-password";

	/**
	 * Everything a payload could leave behind: the flag, handlers, script URLs, foreign
	 * elements, evaluated templates.
	 */
	private static final String FIND_PAYLOAD_EFFECTS = """
			const problems = [];
			if (window.__xss !== undefined) problems.push('window.__xss = ' + window.__xss);
			const scriptUrl = /^[\\s\\u0000-\\u001f]*(javascript|data|vbscript):/i;
			const urlAttributes = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'background', 'poster'];
			const foreign = ['iframe', 'object', 'embed', 'base', 'frame', 'frameset', 'noscript', 'math'];
			const describe = (e) => e.outerHTML.slice(0, 120);
			for (const e of document.querySelectorAll('*')) {
			  for (const a of e.attributes) {
			    const name = a.name.toLowerCase();
			    if (name.startsWith('on')) problems.push('handler ' + name + ': ' + describe(e));
			    if (name === 'srcdoc') problems.push('srcdoc: ' + describe(e));
			    if (urlAttributes.includes(name) && scriptUrl.test(a.value)) problems.push('script URL: ' + describe(e));
			  }
			  const tag = e.localName;
			  if (foreign.includes(tag)) problems.push('element ' + tag + ': ' + describe(e));
			  if (tag === 'img' && !(e.getAttribute('src') || '').startsWith('/')) problems.push('foreign image: ' + describe(e));
			  if (tag === 'script' && !(e.getAttribute('src') || '').startsWith('/')) problems.push('inline script: ' + describe(e));
			  if (tag === 'meta' && e.hasAttribute('http-equiv')) problems.push('meta refresh: ' + describe(e));
			  if (tag === 'style' && e.closest('body')) problems.push('style element: ' + describe(e));
			  if (tag === 'svg' && e.querySelector('script, a, foreignObject')) problems.push('svg content: ' + describe(e));
			}
			if (/p1[5-7]-evaluated/.test(document.body.innerText)) problems.push('a template expression was evaluated');
			return problems;""";

	@Autowired
	private PasswordEncoder passwords;

	private final String tag = UUID.randomUUID().toString().substring(0, 6);

	private String passwordHash;

	private ApiClient.Credentials admin;

	private int pagesChecked;

	private int conversations;

	@Test
	void noPayloadRunsOnAnyPageThatShowsIt() throws Exception {
		List<String> payloads = payloads();
		assertThat(payloads).hasSizeGreaterThanOrEqualTo(30);
		long start = System.nanoTime();
		Corpus corpus = store(payloads);
		long stored = System.nanoTime();

		signInAsAdmin();
		proveTheBrowserWouldRunAnInjectedHandler();

		open("/");
		checkPage("home (admin)");
		open("/admin/projects");
		checkPage("projects");
		assertThat(browser.findElement(By.tagName("main")).getAttribute("textContent")).contains(payloads.get(0),
				payloads.get(1));
		open("/admin/users");
		checkPage("users");
		assertThat(browser.findElement(By.tagName("main")).getAttribute("textContent"))
			.contains(corpus.usernames().get(1));
		String project = corpus.project();
		open("/admin/projects/" + project);
		checkPage("overview");
		open("/admin/projects/" + project + "/prompts");
		checkPage("prompts");
		assertThat(browser.findElement(By.tagName("main")).getAttribute("textContent")).contains(payloads.get(1));
		open("/admin/projects/" + project + "/generation");
		checkPage("generation");
		open("/admin/projects/" + project + "/training");
		waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("run-status"), "FAILED"));
		checkPage("training");
		open("/admin/projects/" + project + "/quality");
		checkPage("quality");
		reviewLabelers(4);
		open("/admin/projects/%3Cimg%20src=x%20onerror=window.__xss=1%3E/prompts?after=%3Cscript%3Ewindow.__xss=2%3C/script%3E");
		checkPage("error page with hostile path and query");
		formsShowRefusedInputAsText(payloads);
		// Each payload as a project name, on one of the project's pages in turn, so that
		// every page type sees several.
		List<String> pages = List.of("", "/prompts", "/generation", "/training", "/quality");
		for (int i = 0; i < corpus.namedProjects().size(); i++) {
			String page = "/admin/projects/" + corpus.namedProjects().get(i) + pages.get(i % pages.size());
			open(page);
			checkPage(page);
		}

		long adminPages = System.nanoTime();
		browser.manage().deleteAllCookies();
		signIn(corpus.pageLabeler(), PASSWORD);
		open("/");
		checkPage("home (labeler)");
		assertThat(browser.findElement(By.cssSelector(".who")).getText()).isEqualTo(corpus.pageLabeler());
		open("/work");
		checkPage("work");
		open("/projects/" + project + "/label");
		checkPage("label page guidelines");
		assertThat(browser.findElement(By.cssSelector(".guidelines")).getText())
			.contains("<script>window.__xss='p01'</script>");
		labelEveryTask(corpus.prompts());
		disableCspBypass();
		System.out.printf(
				"XSS corpus: %d payloads, %d page views checked; storing %d ms, admin pages %d ms, labeler pages %d ms%n",
				payloads.size(), pagesChecked, (stored - start) / 1_000_000, (adminPages - stored) / 1_000_000,
				(System.nanoTime() - adminPages) / 1_000_000);
	}

	/**
	 * Without the page's CSP an injected inline handler runs and is found, so a missed
	 * escape would show; with the CSP it does not run, which is why the bypass is needed
	 * at all.
	 */
	private void proveTheBrowserWouldRunAnInjectedHandler() {
		open("/admin/projects");
		inject("csp");
		pause(500);
		assertThat(script("return window.__xss")).as("the page's CSP blocks inline handlers").isNull();

		((ChromiumDriver) browser).executeCdpCommand("Page.setBypassCSP", Map.of("enabled", true));
		open("/admin/projects");
		assertThat(problems()).isEmpty();
		inject("sanity");
		waitFor().until(driver -> "sanity".equals(script("return window.__xss")));
		assertThat(problems()).anyMatch(p -> p.contains("window.__xss = sanity"))
			.anyMatch(p -> p.startsWith("handler onerror"));
	}

	private void inject(String flag) {
		script("const d = document.createElement('div'); d.innerHTML = arguments[0]; document.querySelector('main').append(d);",
				"<img src=x onerror=\"window.__xss='" + flag + "'\">");
	}

	private void disableCspBypass() {
		((ChromiumDriver) browser).executeCdpCommand("Page.setBypassCSP", Map.of("enabled", false));
	}

	/**
	 * Refused forms come back with what was typed in them: a reflection that must stay
	 * text as well.
	 */
	private void formsShowRefusedInputAsText(List<String> payloads) {
		open("/admin/projects/new");
		browser.findElement(By.id("name")).sendKeys(payloads.get(10));
		browser.findElement(By.id("guidelines")).sendKeys(payloads.get(39));
		browser.findElement(By.id("minCandidates")).clear();
		browser.findElement(By.id("minCandidates")).sendKeys("7");
		browser.findElement(By.id("maxCandidates")).clear();
		browser.findElement(By.id("maxCandidates")).sendKeys("5");
		submitForm();
		visible(By.cssSelector(".field-error"));
		assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo(payloads.get(10));
		assertThat(browser.findElement(By.id("guidelines")).getAttribute("value")).isEqualTo(payloads.get(39));
		checkPage("refused project form");
		open("/admin/users/new");
		browser.findElement(By.id("username")).sendKeys(payloads.get(11));
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		submitForm();
		visible(By.cssSelector(".field-error"));
		checkPage("refused user form");
	}

	/**
	 * Opens the review of the first labelers of the quality table: their prompts and
	 * candidates come from JSON.
	 */
	private void reviewLabelers(int count) {
		List<WebElement> buttons = browser.findElements(By.cssSelector("#labelers button.review"));
		assertThat(buttons).hasSizeGreaterThanOrEqualTo(count);
		for (int i = 0; i < count; i++) {
			WebElement button = browser.findElements(By.cssSelector("#labelers button.review")).get(i);
			String name = button.getText();
			button.click();
			waitFor().until(ExpectedConditions.textToBe(By.id("review-labeler"), name));
			waitFor().until(driver -> !driver.findElements(By.cssSelector("#reviewed .prompt-text")).isEmpty());
			checkPage("quality review of " + name);
		}
	}

	/**
	 * Every task of the project, one after the other: the prompt and candidates come in
	 * as server-rendered HTML.
	 */
	private void labelEveryTask(int tasks) {
		String previous = null;
		for (int i = 0; i < tasks; i++) {
			String before = previous;
			waitFor().until(driver -> {
				WebElement prompt = driver.findElement(By.id("prompt-text"));
				return prompt.isDisplayed() && !driver.findElements(By.cssSelector("#ranking .candidate")).isEmpty()
						&& !prompt.getText().equals(before);
			});
			previous = browser.findElement(By.id("prompt-text")).getText();
			if (!browser.findElements(By.cssSelector("#prompt-text.conversation")).isEmpty()) {
				conversations++;
				assertThat(browser.findElements(By.cssSelector("#prompt-text .turn-role")))
					.extracting(role -> role.getAttribute("textContent"))
					.containsExactly("System", "User", "Assistant", "User");
				// Opened, so that the folded turns are rendered as a reader sees them.
				script("arguments[0].open = true", browser.findElement(By.cssSelector("#prompt-text details")));
			}
			checkPage("label page task " + (i + 1));
			// A script click: which element lies on top of the button is not this test's
			// business.
			script("arguments[0].click()", browser.findElement(By.id("skip")));
		}
		visible(By.id("all-done"));
		checkPage("label page done");
		assertThat(conversations).as("conversation tasks shown").isEqualTo(tasks / 2);
	}

	private void checkPage(String page) {
		pagesChecked++;
		assertThat(problems()).as("payload effects on %s (%s)", page, browser.getCurrentUrl()).isEmpty();
	}

	@SuppressWarnings("unchecked")
	private List<String> problems() {
		return (List<String>) script(FIND_PAYLOAD_EFFECTS);
	}

	private Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) browser).executeScript(script, arguments);
	}

	record Corpus(String project, int prompts, List<String> namedProjects, List<String> usernames, String pageLabeler) {
	}

	/**
	 * The corpus in every place a user can write text, through the API where it accepts
	 * it.
	 */
	private Corpus store(List<String> payloads) {
		// A token instead of the password: hundreds of calls, each without a bcrypt
		// check.
		admin = ApiClient.bearer(api.post("/api/v1/tokens", admin(), "{\"name\":\"xss corpus\"}")
			.expectStatus(201)
			.json()
			.path("token")
			.asString());
		String combined = "\"><img src=x onerror=\"window.__xss='name'\"><script>window.__xss='name'</script>";
		long project = newProject(Map.of("name", combined, "guidelines", String.join("\n\n", payloads),
				"min_candidates", 2, "max_candidates", 9, "rankings_per_prompt", 100));
		int prompts = importPrompts(project, payloads);
		List<String> namedProjects = new ArrayList<>();
		for (String payload : payloads) {
			namedProjects.add(Long.toString(newProject(Map.of("name", payload))));
		}
		List<String> usernames = new ArrayList<>();
		for (String payload : payloads) {
			String username = labeler(payload.replace('\n', ' ') + " " + tag);
			usernames.add(username);
			rankFirstTask(project, username, payloads.get((usernames.size() * 7) % payloads.size()));
		}
		storeJobsAndRuns(project, payloads);
		String pageLabeler = labeler("\"><img src=x onerror=\"window.__xss='who'\">" + tag);
		return new Corpus(Long.toString(project), prompts, namedProjects, usernames, pageLabeler);
	}

	/** Through the API, with the admin's token. */
	private long newProject(Map<String, Object> settings) {
		return Long.parseLong(api.post("/api/v1/projects", admin, JSON.writeValueAsString(settings))
			.expectStatus(201)
			.json()
			.path("id")
			.asString());
	}

	/**
	 * Nine payloads a prompt: one as its text, the others as candidates, external id and
	 * model name; and a conversation of the same candidates with a payload in each role.
	 */
	private int importPrompts(long project, List<String> payloads) {
		StringBuilder ndjson = new StringBuilder();
		int records = 0;
		for (int first = 0; first < payloads.size(); first += 9) {
			List<String> group = payloads.subList(first, Math.min(payloads.size(), first + 9));
			List<Object> candidates = new ArrayList<>();
			for (int i = 0; i < group.size(); i++) {
				candidates.add(Map.of("text", group.get(i), "model", payloads.get((first + i + 3) % payloads.size())));
			}
			if (candidates.size() < 2) {
				candidates.add("a plain answer");
			}
			Map<String, Object> record = new LinkedHashMap<>();
			record.put("external_id", group.get(0) + " " + tag);
			record.put("prompt", payloads.get((first + 4) % payloads.size()));
			record.put("candidates", candidates);
			ndjson.append(JSON.writeValueAsString(record)).append('\n');
			records++;
			// The same payloads as the turns of a conversation, one in each role.
			Map<String, Object> conversation = new LinkedHashMap<>();
			conversation.put("external_id", group.get(0) + " conversation " + tag);
			conversation.put("messages",
					List.of(Map.of("role", "system", "content", payloads.get((first + 5) % payloads.size())),
							Map.of("role", "user", "content", payloads.get((first + 6) % payloads.size())),
							Map.of("role", "assistant", "content", payloads.get((first + 7) % payloads.size())),
							Map.of("role", "user", "content", payloads.get((first + 8) % payloads.size()))));
			conversation.put("candidates", candidates);
			ndjson.append(JSON.writeValueAsString(conversation)).append('\n');
			records++;
		}
		JsonNode imported = api
			.send("POST", "/api/v1/projects/" + project + "/prompts", admin, "application/x-ndjson", ndjson.toString())
			.expectStatus(201)
			.json();
		assertThat(imported.path("imported").asInt()).isEqualTo(records);
		return records;
	}

	/**
	 * A labeler with this name. The API refuses names outside letters, digits and
	 * {@code . _ @ -}; the others are stored directly, as an older version or another
	 * door might have, since the pages must escape them anyway.
	 */
	private String labeler(String username) {
		ApiClient.Response created = api.post("/api/v1/users", admin,
				JSON.writeValueAsString(Map.of("username", username, "password", PASSWORD, "role", "LABELER")));
		if (created.status() != 201) {
			assertThat(created.status()).as("creating user %s: %s", username, created.body()).isEqualTo(400);
			jdbc.sql("INSERT INTO users (username, password_hash, role) VALUES (?, ?, 'LABELER')")
				.params(username, passwordHash())
				.update();
		}
		return username;
	}

	private String passwordHash() {
		if (passwordHash == null) {
			passwordHash = passwords.encode(PASSWORD);
		}
		return passwordHash;
	}

	/**
	 * The labeler ranks the first task offered, best first as offered, with a hostile
	 * comment.
	 */
	private void rankFirstTask(long project, String username, String comment) {
		ApiClient.Credentials credentials = credentialsOf(username);
		JsonNode task = api.post("/api/v1/projects/" + project + "/tasks/next", credentials, null)
			.expectStatus(200)
			.json();
		List<List<String>> tiers = new ArrayList<>();
		for (JsonNode candidate : task.path("candidates")) {
			tiers.add(List.of(candidate.path("id").asString()));
		}
		api.post("/api/v1/assignments/" + task.path("assignment_id").asString() + "/ranking", credentials,
				JSON.writeValueAsString(Map.of("ranking", tiers, "comment", comment)))
			.expectStatus(201);
	}

	/**
	 * A token taken with HTTP Basic for most; a name with a colon cannot travel in Basic
	 * credentials, so that user signs in with the login form and takes a token with the
	 * session, as a user of our pages would.
	 */
	private ApiClient.Credentials credentialsOf(String username) {
		if (!username.contains(":")) {
			return ApiClient
				.bearer(api.post("/api/v1/tokens", ApiClient.basic(username, PASSWORD), "{\"name\":\"xss corpus\"}")
					.expectStatus(201)
					.json()
					.path("token")
					.asString());
		}
		try {
			HttpClient session = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
			String loginToken = csrfTokenOf(send(session, "GET", "/login", null, null).body());
			String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + PASSWORD
					+ "&_csrf=" + loginToken;
			assertThat(send(session, "POST", "/login", null, form).headers().firstValue("Location"))
				.hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
			String token = csrfTokenOf(send(session, "GET", "/work", null, null).body());
			HttpResponse<String> issued = send(session, "POST", "/api/v1/tokens", token, "{\"name\":\"xss corpus\"}");
			assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
			return ApiClient.bearer(JSON.readTree(issued.body()).path("token").asString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private HttpResponse<String> send(HttpClient session, String method, String path, String csrf, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (csrf != null) {
			request.header("X-CSRF-TOKEN", csrf).header("Content-Type", "application/json");
		}
		else if (body != null) {
			request.header("Content-Type", "application/x-www-form-urlencoded");
		}
		return session.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String csrfTokenOf(String html) {
		Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(matcher.find()).as("page carries a CSRF token").isTrue();
		return matcher.group(1);
	}

	/**
	 * Text that reaches pages from background work: generation job messages and model
	 * names, a run's error.
	 */
	private void storeJobsAndRuns(long project, List<String> payloads) {
		for (int i = 0; i < 10; i++) {
			jdbc.sql("""
					INSERT INTO jobs (type, project_id, status, message, parameters, finished_at)
					VALUES ('generation', ?, 'FAILED', ?, jsonb_build_object('model', ?::text), now())""")
				.params(project, payloads.get(i * 5 % payloads.size()), payloads.get((i * 5 + 1) % payloads.size()))
				.update();
		}
		jdbc.sql(
				"""
						INSERT INTO training_runs (project_id, status, objective, architecture, source, settings, error, finished_at)
						VALUES (?, 'FAILED', 'rank', 'pooled', 'rankings', ?::jsonb, ?, now())""")
			.params(project, """
					{"objective":"rank","architecture":"pooled","source":"rankings","epochs":1,"learning_rate":0.001,
					 "batch_size":4,"validation_fraction":0.1,"seed":1}""", String.join(" ", payloads.subList(0, 12)))
			.update();
	}

	/**
	 * The corpus file: one payload a line, {@code \n} and {@code \}{@code uXXXX} escapes
	 * expanded.
	 */
	private static List<String> payloads() throws IOException {
		List<String> payloads = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				XssCorpusTests.class.getResourceAsStream("xss-payloads.txt"), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank() && !line.startsWith("#")) {
					payloads.add(unescape(line));
				}
			}
		}
		return payloads;
	}

	private static String unescape(String line) {
		Matcher matcher = Pattern.compile("\\\\u([0-9A-Fa-f]{4})|\\\\n").matcher(line);
		StringBuilder text = new StringBuilder();
		while (matcher.find()) {
			String replacement = matcher.group(1) == null ? "\n"
					: String.valueOf((char) Integer.parseInt(matcher.group(1), 16));
			matcher.appendReplacement(text, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(text);
		return text.toString();
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
