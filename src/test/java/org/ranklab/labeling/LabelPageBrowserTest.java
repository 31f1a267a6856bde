package org.ranklab.labeling;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.ranklab.ApiClient;
import org.ranklab.BrowserTest;

/**
 * What the label page's browser tests share: prompts in the database, a labeler, the
 * cards.
 */
abstract class LabelPageBrowserTest extends BrowserTest {

	protected PromptFixture prompts;

	@BeforeEach
	void fixture() {
		prompts = new PromptFixture(jdbc);
	}

	protected ApiClient.Credentials signInAsNewLabeler() {
		ApiClient.Credentials labeler = newLabeler();
		String pair = new String(Base64.getDecoder().decode(labeler.header().substring("Basic ".length())));
		signIn(pair.substring(0, pair.indexOf(':')), pair.substring(pair.indexOf(':') + 1));
		return labeler;
	}

	protected List<WebElement> cards() {
		return browser.findElements(By.cssSelector("#ranking .candidate"));
	}

	/** The card ids top to bottom, once the task is on the page. */
	protected List<String> cardIds() {
		visible(By.cssSelector("#ranking .candidate"));
		return cards().stream().map(card -> card.getAttribute("data-id")).toList();
	}

	protected List<String> rankNumbers() {
		return browser.findElements(By.cssSelector("#ranking .rank-number")).stream().map(WebElement::getText).toList();
	}

	protected Object script(String source, Object... arguments) {
		return ((JavascriptExecutor) browser).executeScript(source, arguments);
	}

}
