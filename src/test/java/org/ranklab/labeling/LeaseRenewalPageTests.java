package org.ranklab.labeling;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The label page against the real renewal endpoint: with a short lease it keeps renewing
 * while the page is open, and when the server says the lease is gone it tells the labeler
 * and shows the next task.
 */
class LeaseRenewalPageTests extends LabelPageBrowserTest {

	@Test
	void thePageKeepsItsLeaseAndMovesOnWhenTheLeaseIsGone() {
		long project = newProject("{\"name\":\"Renewing page\",\"lease_seconds\":8}");
		prompts.readyPrompt(project, "First prompt", "A.", "B.", "C.", "D.");
		prompts.readyPrompt(project, "Second prompt", "A.", "B.", "C.", "D.");
		signInAsNewLabeler();
		open("/projects/" + project + "/label");
		cardIds();
		String firstShown = browser.findElement(By.id("prompt-text")).getText();
		long assignment = jdbc.sql("SELECT id FROM assignments WHERE project_id = ? AND status = 'OPEN'")
			.param(project)
			.query(Long.class)
			.single();
		Instant first = expiry(assignment);

		// Renewed within half the lease of its end (the page checks every 2 s here).
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> expiry(assignment).isAfter(first));
		assertThat(leasedAt(assignment)).as("a renewal keeps the lease's start").isBefore(first);

		jdbc.sql("UPDATE assignments SET status = 'EXPIRED', closed_at = now() WHERE id = ?")
			.param(assignment)
			.update();

		new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions
			.textToBePresentInElementLocated(By.id("error"), "The time for your last task ran out"));
		assertThat(browser.findElement(By.id("prompt-text")).getText()).isIn("First prompt", "Second prompt")
			.isNotEqualTo(firstShown);
		assertThat(jdbc.sql("SELECT count(*) FROM assignments WHERE project_id = ? AND status = 'OPEN'")
			.param(project)
			.query(Long.class)
			.single()).as("the next task is leased").isEqualTo(1);
	}

	private Instant expiry(long assignment) {
		return jdbc.sql("SELECT lease_expires_at FROM assignments WHERE id = ?")
			.param(assignment)
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	private Instant leasedAt(long assignment) {
		return jdbc.sql("SELECT leased_at FROM assignments WHERE id = ?")
			.param(assignment)
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

}
