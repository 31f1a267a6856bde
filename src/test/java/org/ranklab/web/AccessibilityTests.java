package org.ranklab.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.webjars.WebJarVersionLocator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.ranklab.ApiClient;
import org.ranklab.BrowserTest;
import org.ranklab.training.RankingFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every page, for admins and labelers, light and dark, passes axe-core's WCAG 2.1 A and
 * AA rules with no violation. The pages come from Spring MVC's mappings, so a new page
 * fails here until it is audited.
 */
class AccessibilityTests extends BrowserTest {

	private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots", "accessibility");

	private static final Pattern PAGE_VARIABLE = Pattern.compile("([^/]+)/\\{([^}]+)}");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@AfterEach
	void backToLight() {
		colourScheme("light");
	}

	@Test
	void everyPagePassesWcag21AaInLightAndDarkMode() {
		Pages pages = new Pages();
		proveTheAuditFindsViolations();
		Map<String, List<String>> violations = new LinkedHashMap<>();
		for (String scheme : List.of("light", "dark")) {
			colourScheme(scheme);
			assertThat(script("return matchMedia('(prefers-color-scheme: dark)').matches"))
				.isEqualTo(scheme.equals("dark"));

			signOut();
			audit("/login", scheme, violations);
			signIn(pages.labeler, pages.labelerPassword);
			for (String page : pages.labelerPages) {
				audit(page, scheme, violations);
			}
			audit("/projects/" + pages.project + "/label", scheme + ", help open", violations, () -> {
				visible(By.cssSelector("#ranking .candidate"));
				browser.findElement(By.tagName("body")).sendKeys("?");
				visible(By.id("hotkeys"));
			});
			audit("/admin/users", scheme + ", refused", violations);
			audit("/projects/987654321/label", scheme + ", not found", violations);

			signOut();
			signInAsAdmin();
			for (String page : pages.adminPages) {
				audit(page, scheme, violations);
			}
		}

		assertThat(violations).as("axe-core WCAG 2.1 AA violations per page").isEmpty();
	}

	/** An unlabelled field and grey on grey, added to a page, are found. */
	private void proveTheAuditFindsViolations() {
		open("/login");
		script("""
				const field = document.createElement('input');
				const faint = document.createElement('p');
				faint.textContent = 'faint';
				faint.style.color = '#777';
				faint.style.background = '#888';
				document.querySelector('main').append(field, faint);""");
		assertThat(axeViolations()).anyMatch(v -> v.startsWith("label "))
			.anyMatch(v -> v.startsWith("color-contrast "));
	}

	private void audit(String page, String variant, Map<String, List<String>> violations) {
		audit(page, variant, violations, () -> {
		});
	}

	private void audit(String page, String variant, Map<String, List<String>> violations, Runnable prepare) {
		open(page);
		waitForQuiet();
		prepare.run();
		List<String> found = axeViolations();
		screenshot(page + " " + variant);
		if (!found.isEmpty()) {
			violations.put(page + " (" + variant + ")", found);
		}
	}

	/** Kept in {@code target/screenshots/accessibility}, to look at what was audited. */
	private void screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.write(SCREENSHOTS.resolve(name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "") + ".png"),
					((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Loaded, and no request of the page's scripts finished in the last 300 ms. */
	private void waitForQuiet() {
		waitFor().until(driver -> script("""
				const count = () => performance.getEntriesByType('resource').length;
				if (document.readyState !== 'complete') return false;
				const before = count();
				return new Promise((resolve) => setTimeout(() => resolve(count() === before), 300));""")
			.equals(Boolean.TRUE));
	}

	/** One line per violation and element: rule, impact, target and axe's summary. */
	@SuppressWarnings("unchecked")
	private List<String> axeViolations() {
		JavascriptExecutor js = (JavascriptExecutor) browser;
		if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
			js.executeScript(AxeSource.TEXT);
		}
		Object result = js.executeAsyncScript(
				"""
						const done = arguments[arguments.length - 1];
						axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
						  .then((r) => done(r.violations.flatMap((v) => v.nodes.map((n) =>
						    v.id + ' (' + v.impact + ') ' + n.target.join(' ') + ': ' + n.failureSummary.replace(/\\s+/g, ' ')))))
						  .catch((e) => done(['axe failed: ' + e]));""",
				WCAG_21_AA);
		return new ArrayList<>((List<String>) result);
	}

	private void colourScheme(String scheme) {
		((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
	}

	private Object script(String source) {
		return ((JavascriptExecutor) browser).executeScript(source);
	}

	private void signOut() {
		browser.manage().deleteAllCookies();
	}

	/** axe-core's source, from its WebJar on the test class path. */
	private static final class AxeSource {

		static final String TEXT = read();

		private static String read() {
			String path = new WebJarVersionLocator().fullPath("axe-core", "axe.min.js");
			try (InputStream in = AccessibilityTests.class.getClassLoader().getResourceAsStream(path)) {
				if (in == null) {
					throw new IllegalStateException(path + " is not on the class path");
				}
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
		}

	}

	/**
	 * Every GET page of our controllers with real ids: a project with a task left to rank
	 * and one ranking, another in the side-by-side layout, and their labeler.
	 */
	private final class Pages {

		final String labeler = "a11y-" + java.util.UUID.randomUUID().toString().substring(0, 8);

		final String labelerPassword = "password-" + labeler;

		final String project;

		final String sideBySide;

		final String pseudonym;

		final String webhook;

		final String labelerId;

		final String rewardModel;

		final List<String> labelerPages = new ArrayList<>();

		final List<String> adminPages = new ArrayList<>();

		Pages() {
			project = Long.toString(newProject(
					"""
							{"name":"Audit","min_candidates":2,"rankings_per_prompt":1,"collect_scores":true,
							 "guidelines":"**Prefer** correct answers.\\n\\n| good | bad |\\n|---|---|\\n| yes | no |\\n\\n```\\ncode\\n```"}"""));
			sideBySide = Long.toString(newProject("""
					{"name":"Audit side by side","min_candidates":2,"layout":"side_by_side"}"""));
			String prompts = """
					{"prompt":"A question with `code` and a table:\\n\\n| a | b |\\n|---|---|\\n| 1 | 2 |","candidates":["An answer\\n\\n```\\nprint(1)\\n```","Another answer"]}
					{"prompt":"Second question","candidates":["c","d"]}
					{"prompt":"Third question","candidates":["e","f"]}
					""";
			for (String id : List.of(project, sideBySide)) {
				api.send("POST", "/api/v1/projects/" + id + "/prompts", admin(), "application/x-ndjson", prompts)
					.expectStatus(201);
			}
			labelerId = api
				.post("/api/v1/users", admin(),
						"{\"username\":\"%s\",\"password\":\"%s\",\"role\":\"LABELER\"}".formatted(labeler,
								labelerPassword))
				.expectStatus(201)
				.json()
				.path("id")
				.asString();
			webhook = api
				.post("/api/v1/webhooks", admin(),
						"""
								{"url":"http://127.0.0.1:9/audit","events":["ranking.created"],"project_id":"%s"}"""
							.formatted(project))
				.expectStatus(201)
				.json()
				.path("id")
				.asString();
			rankOne(ApiClient.basic(labeler, labelerPassword));
			rewardModel = new RankingFixture(jdbc).trainedModel(api, admin(),
					newProject("{\"name\":\"Audit model\",\"min_candidates\":2}"), "pooled", Duration.ofMinutes(2));
			pseudonym = api.get("/api/v1/projects/" + project + "/quality", admin())
				.expectStatus(200)
				.json()
				.path("labelers")
				.get(0)
				.path("labeler")
				.asString();
			Set<String> unaudited = new TreeSet<>();
			for (String pattern : pagePatterns()) {
				if (pattern.equals("/") || pattern.equals("/login")) {
					continue;
				}
				if (pattern.startsWith("/admin/")) {
					adminPages.add(fill(pattern));
				}
				else if (List.of("/work", "/projects/{id}/label", "/account/password").contains(pattern)) {
					labelerPages.add(fill(pattern));
				}
				else {
					unaudited.add(pattern);
				}
			}
			labelerPages.add("/projects/" + sideBySide + "/label");
			assertThat(unaudited).as("pages that AccessibilityTests does not know how to open").isEmpty();
		}

		private void rankOne(ApiClient.Credentials credentials) {
			var task = api.post("/api/v1/projects/" + project + "/tasks/next", credentials, null)
				.expectStatus(200)
				.json();
			List<String> tiers = new ArrayList<>();
			List<String> scores = new ArrayList<>();
			task.path("candidates").forEach(c -> {
				tiers.add("[\"" + c.path("id").asString() + "\"]");
				scores.add("\"" + c.path("id").asString() + "\":4");
			});
			api.post("/api/v1/assignments/" + task.path("assignment_id").asString() + "/ranking", credentials,
					"{\"ranking\":[" + String.join(",", tiers) + "],\"scores\":{" + String.join(",", scores) + "}}")
				.expectStatus(201);
		}

		private String fill(String pattern) {
			Matcher matcher = PAGE_VARIABLE.matcher(pattern);
			StringBuilder filled = new StringBuilder();
			while (matcher.find()) {
				String variable = matcher.group(1) + "/{" + matcher.group(2) + "}";
				String id = switch (variable) {
					case "projects/{id}", "projects/{projectId}" -> project;
					case "labelers/{labeler}" -> pseudonym;
					case "webhooks/{id}" -> webhook;
					case "users/{id}" -> labelerId;
					case "reward-models/{id}" -> rewardModel;
					default ->
						fail("page variable %s of %s has no id: add one to AccessibilityTests", variable, pattern);
				};
				matcher.appendReplacement(filled, Matcher.quoteReplacement(matcher.group(1) + "/" + id));
			}
			matcher.appendTail(filled);
			return filled.toString();
		}

	}

	/** The GET routes of our own controllers that answer with a page (not JSON). */
	private Set<String> pagePatterns() {
		Set<String> patterns = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
			HandlerMethod handler = mapping.getValue();
			boolean json = AnnotatedElementUtils.hasAnnotation(handler.getMethod(), ResponseBody.class)
					|| AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class);
			if (!handler.getBeanType().getPackageName().startsWith("org.ranklab") || json
					|| !mapping.getKey()
						.getMethodsCondition()
						.getMethods()
						.stream()
						.anyMatch(m -> m.name().equals("GET"))) {
				continue;
			}
			patterns.addAll(mapping.getKey().getPatternValues());
		}
		return patterns;
	}

}
