package org.ranklab.labeling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The side-by-side layout, chosen on the project form: responses in a row on a wide
 * screen, scrolling together; the list on a phone, where the prompt folds so that the
 * first response is on the first screen. Screenshots of both are kept in
 * {@code target/screenshots}.
 */
class LabelLayoutTests extends LabelPageBrowserTest {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@AfterEach
	void backToTheDesktopWindow() {
		((ChromeDriver) browser).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
	}

	@Test
	void sideBySideOnAWideScreenAndTheListOnAPhone() throws IOException {
		long project = sideBySideProjectFromTheForm("Side by side");
		String longAnswer = "## Answer %s\n\n" + "A line that makes this answer long enough to scroll.\n\n".repeat(60);
		prompts.readyPrompt(project,
				"Compare the answers below.\n\n" + "Context that makes the prompt long on a phone.\n\n".repeat(20),
				longAnswer.formatted("A"), longAnswer.formatted("B") + "More.\n\n".repeat(30),
				longAnswer.formatted("C"));
		signInAsNewLabeler();

		screen(1400, 900, false);
		open("/projects/" + project + "/label");
		cardIds();
		assertThat(browser.findElement(By.id("ranking")).getAttribute("data-layout")).isEqualTo("side_by_side");
		assertThat(cards()).extracting(card -> card.getRect().getY()).containsOnly(cards().get(0).getRect().getY());
		assertThat(cards().get(2).getRect().getX()).isGreaterThan(cards().get(1).getRect().getX());
		List<WebElement> panes = browser.findElements(By.cssSelector("#ranking .candidate-text"));
		script("arguments[0].scrollTop = 400", panes.get(0));
		waitFor().until(driver -> panes.stream().skip(1).allMatch(pane -> scrollTop(pane) > 100));
		script("arguments[0].scrollTop = 0", panes.get(0));
		waitFor().until(driver -> panes.stream().allMatch(pane -> scrollTop(pane) == 0));
		screenshot("label-side-by-side-1400.png");

		screen(390, 844, true);
		open("/projects/" + project + "/label");
		cardIds();
		assertThat(browser.findElement(By.id("ranking")).getAttribute("data-layout")).isEqualTo("list");
		assertThat(visible(By.id("prompt-more")).getText()).isEqualTo("Show more");
		long viewport = (Long) script("return window.innerHeight");
		assertThat(top(cards().get(0).findElement(By.cssSelector(".candidate-label"))))
			.as("the first response's label is on the first screen of %s px", viewport)
			.isLessThan(viewport - 24);
		assertThat((Boolean) script("return document.documentElement.scrollWidth <= window.innerWidth"))
			.as("nothing wider than the phone")
			.isTrue();
		screenshot("label-side-by-side-390.png");

		browser.findElement(By.id("prompt-more")).click();
		assertThat(browser.findElement(By.id("prompt-more")).getText()).isEqualTo("Show less");
		assertThat(top(cards().get(0))).isGreaterThan(viewport);
	}

	/** An admin creates the project on the form, choosing the side-by-side layout. */
	private long sideBySideProjectFromTheForm(String name) {
		signInAsAdmin();
		open("/admin/projects/new");
		browser.findElement(By.id("name")).sendKeys(name);
		browser.findElement(By.id("minCandidates")).clear();
		browser.findElement(By.id("minCandidates")).sendKeys("3");
		new Select(browser.findElement(By.id("layout"))).selectByValue("SIDE_BY_SIDE");
		submitForm();
		visible(By.cssSelector(".alert"));
		browser.manage().deleteAllCookies();
		return jdbc.sql("SELECT id FROM projects WHERE name = ? AND layout = 'side_by_side'")
			.param(name)
			.query(Long.class)
			.single();
	}

	private void screen(int width, int height, boolean mobile) {
		((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
	}

	private long scrollTop(WebElement element) {
		return ((Number) script("return Math.round(arguments[0].scrollTop)", element)).longValue();
	}

	private double top(WebElement element) {
		return ((Number) script("return arguments[0].getBoundingClientRect().top", element)).doubleValue();
	}

	private void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
	}

}
