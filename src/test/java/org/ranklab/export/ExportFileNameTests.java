package org.ranklab.export;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExportFileNameTests {

	private static final LocalDate DAY = LocalDate.of(2025, 3, 1);

	@Test
	void reducesTheProjectNameToSafeCharacters() {
		assertThat(ExportFileName.of(7, "Café \"Q&A\" / v2", "pairs", DAY))
			.isEqualTo("cafe-q-a-v2-pairs-2025-03-01.jsonl");
	}

	@Test
	void fallsBackToTheIdWhenNothingIsLeftOfTheName() {
		assertThat(ExportFileName.of(7, "中文项目", "best", DAY)).isEqualTo("project-7-best-2025-03-01.jsonl");
	}

	@Test
	void shortensLongNames() {
		assertThat(ExportFileName.of(7, "x".repeat(300), "rankings", DAY))
			.isEqualTo("x".repeat(60) + "-rankings-2025-03-01.jsonl");
	}

}
