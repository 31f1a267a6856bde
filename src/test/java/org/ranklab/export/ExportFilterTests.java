package org.ranklab.export;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.ranklab.labeling.SubmittedRankings.Excluded;
import org.ranklab.web.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportFilterTests {

	@Test
	void readsInstantsOffsetsAndDates() {
		assertThat(ExportFilter.of(1, "2025-03-01T12:00:00Z", null).since())
			.isEqualTo(Instant.parse("2025-03-01T12:00:00Z"));
		assertThat(ExportFilter.of(1, "2025-03-01T14:00:00.5+02:00", null).since())
			.isEqualTo(Instant.parse("2025-03-01T12:00:00.5Z"));
		assertThat(ExportFilter.of(1, "2025-03-01", null).since()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
		assertThat(ExportFilter.of(1, null, null).since()).isNull();
		assertThat(ExportFilter.of(1, " ", null).since()).isNull();
	}

	@Test
	void refusesAnythingElseNamingTheField() {
		assertThatThrownBy(() -> ExportFilter.of(1, "last tuesday", null)).isInstanceOfSatisfying(
				InvalidInputException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("since"));
		assertThatThrownBy(() -> ExportFilter.of(1, "2025-13-01", null)).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void leavesExcludedLabelersOutUnlessAskedFor() {
		assertThat(ExportFilter.of(1, null, null).excluded()).isEqualTo(Excluded.LEFT_OUT);
		assertThat(ExportFilter.of(1, null, "false").excluded()).isEqualTo(Excluded.LEFT_OUT);
		assertThat(ExportFilter.of(1, null, "true").excluded()).isEqualTo(Excluded.INCLUDED);
		assertThat(ExportFilter.of(1, null, "TRUE").excluded()).isEqualTo(Excluded.INCLUDED);
		assertThatThrownBy(() -> ExportFilter.of(1, null, "yes")).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.errors().get(0).field()).isEqualTo("include_excluded"));
	}

}
