package org.ranklab;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Pages tested in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromedriver}) against the shared test server. Without Chromium the tests are
 * skipped, except under CI ({@code CI=true}), where a missing browser is a failure.
 */
public abstract class BrowserTest extends IntegrationTest {

	private static final File CHROMIUM = new File("/usr/bin/chromium");

	private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	protected static WebDriver browser;

	private static Path profile;

	@BeforeAll
	static void startBrowser() throws IOException {
		boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
		if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
			fail("Chromium and chromedriver are required in CI: apt-get install -y chromium chromium-driver");
		}
		assumeTrue(installed, "Chromium is not installed; browser tests skipped");
		profile = Files.createTempDirectory("ranklab-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
				"--no-first-run", "--window-size=1280,900", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (browser != null) {
			browser.quit();
			browser = null;
		}
		if (profile != null) {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

	@BeforeEach
	void signOutOfPreviousTest() {
		browser.manage().deleteAllCookies();
	}

	protected void open(String path) {
		browser.get("http://127.0.0.1:" + port + path);
	}

	protected void signIn(String username, String password) {
		open("/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		submitForm();
		waitFor()
			.until(driver -> !driver.getCurrentUrl().contains("/login") || driver.getPageSource().contains("Wrong"));
	}

	/** Signs in with the username and password of these Basic credentials. */
	protected void signIn(ApiClient.Credentials basic) {
		String pair = new String(java.util.Base64.getDecoder().decode(basic.header().substring("Basic ".length())),
				java.nio.charset.StandardCharsets.UTF_8);
		signIn(pair.substring(0, pair.indexOf(':')), pair.substring(pair.indexOf(':') + 1));
	}

	/** Submits the page's own form (not the sign-out form in the header). */
	protected void submitForm() {
		browser.findElement(By.cssSelector("main button[type=submit]")).click();
	}

	protected void signInAsAdmin() {
		signIn(ADMIN, ADMIN_PASSWORD);
	}

	protected WebDriverWait waitFor() {
		return new WebDriverWait(browser, Duration.ofSeconds(10));
	}

	protected WebElement visible(By locator) {
		return waitFor().until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	protected String path() {
		return java.net.URI.create(browser.getCurrentUrl()).getPath();
	}

}
