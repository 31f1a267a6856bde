package org.ranklab.labeling;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import org.ranklab.ApiClient.Credentials;
import org.ranklab.IntegrationTest;
import org.ranklab.RankingFixture;
import org.ranklab.RankingFixture.StoredPrompt;
import org.ranklab.labeling.SubmittedRankings.Selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ranklab.RankingFixture.plan;

/**
 * The published readers of submitted rankings: order, selections, one snapshot for
 * several streams, and pseudonyms given on the first answer, ranking or skip.
 */
class SubmittedRankingsTests extends IntegrationTest {

	@Autowired
	private SubmittedRankings submitted;

	@Autowired
	private Labelers labelers;

	@Autowired
	private PlatformTransactionManager transactions;

	private RankingFixture fixture;

	@BeforeEach
	void fixture() {
		fixture = new RankingFixture(api, jdbc);
	}

	@Test
	void readsRankingsInPromptOrderThenOldestFirstWithTheSelection() {
		long project = newProject("{\"name\":\"Reader\",\"rankings_per_prompt\":2}");
		StoredPrompt first = fixture.prompt(project, "First", "A", "B", "C", "D");
		StoredPrompt second = fixture.prompt(project, "Second", "E", "F", "G", "H");
		Credentials early = newLabeler();
		Credentials late = newLabeler();
		fixture.label(project, early, plan(first, "A > B > C > D", second, "not rankable"));
		Instant between = fixture.now();
		fixture.label(project, late, plan(first, "skip", second, "F > E > G > H"));

		List<SubmittedRanking> all = read(s -> s.of(project, Selection.ALL, null));
		assertThat(all).extracting(SubmittedRanking::promptId).containsExactly(first.id(), second.id(), second.id());
		assertThat(all.get(1).id()).isLessThan(all.get(2).id());
		assertThat(all.get(1).notRankable()).isTrue();
		assertThat(all.get(1).tiers()).isNull();
		assertThat(all.get(0).tiers().tiers()).containsExactly(List.of(first.id("A")), List.of(first.id("B")),
				List.of(first.id("C")), List.of(first.id("D")));
		assertThat(all.get(0).labeler()).isEqualTo(fixture.pseudonym(early));
		assertThat(all.get(2).labeler()).isEqualTo(fixture.pseudonym(late));

		assertThat(read(s -> s.of(project, Selection.RANKABLE, null))).extracting(SubmittedRanking::promptId)
			.containsExactly(first.id(), second.id());
		assertThat(read(s -> s.of(project, Selection.ALL, between))).extracting(SubmittedRanking::labeler)
			.containsExactly(fixture.pseudonym(late));
		// The second prompt changed since then: its rankable rankings, the older ones
		// too.
		assertThat(read(s -> s.of(project, Selection.PROMPTS_CHANGED, between))).extracting(SubmittedRanking::id)
			.containsExactly(all.get(2).id());
		assertThat(read(s -> s.promptIds(project, Selection.ALL, null))).containsExactly(first.id(), second.id());
		assertThat(read(s -> s.promptIds(project, Selection.PROMPTS_CHANGED, between))).containsExactly(second.id());
	}

	@Test
	void streamsOpenedInOneTransactionShareItsSnapshot() {
		long project = newProject("{\"name\":\"Snapshot\",\"rankings_per_prompt\":3}");
		StoredPrompt prompt = fixture.prompt(project, "Snapshot", "A", "B", "C", "D");
		fixture.label(project, newLabeler(), plan(prompt, "A > B > C > D"));
		TransactionTemplate snapshot = new TransactionTemplate(transactions);
		snapshot.setReadOnly(true);
		snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);

		List<Long> seen = snapshot.execute(status -> {
			try (Stream<SubmittedRanking> before = submitted.of(project, Selection.ALL, null)) {
				assertThat(before).hasSize(1);
			}
			// Another labeler's ranking commits while the transaction is open.
			fixture.label(project, newLabeler(), plan(prompt, "B > A > C > D"));
			try (Stream<SubmittedRanking> after = submitted.of(project, Selection.ALL, null)) {
				return after.map(SubmittedRanking::id).toList();
			}
		});

		assertThat(seen).hasSize(1);
		assertThat(read(s -> s.of(project, Selection.ALL, null))).hasSize(2);
	}

	@Test
	void refusesToStreamOutsideATransaction() {
		assertThatThrownBy(() -> submitted.of(1, Selection.ALL, null)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("transaction");
	}

	@Test
	void aLabelerWhoOnlySkippedHasAPseudonymAndATally() {
		long project = newProject("{\"name\":\"Skips\",\"rankings_per_prompt\":2}");
		StoredPrompt prompt = fixture.prompt(project, "Skip me", "A", "B", "C", "D");
		Credentials skipper = newLabeler();

		fixture.label(project, skipper, plan(prompt, "skip"));

		String pseudonym = fixture.pseudonym(skipper);
		assertThat(labelers.exists(pseudonym)).isTrue();
		assertThat(labelers.tallies(project)).singleElement().satisfies(tally -> {
			assertThat(tally.labeler()).isEqualTo(pseudonym);
			assertThat(tally.skips()).isEqualTo(1);
			assertThat(tally.rankings()).isZero();
			assertThat(tally.medianSeconds()).isNull();
		});
	}

	@Test
	void migrationGivesSkippingLabelersTheirPseudonym() throws Exception {
		long project = newProject("{\"name\":\"Backfill\",\"rankings_per_prompt\":2}");
		StoredPrompt prompt = fixture.prompt(project, "Skipped before", "A", "B", "C", "D");
		Credentials skipper = newLabeler();
		fixture.label(project, skipper, plan(prompt, "skip"));
		long userId = jdbc.sql("SELECT user_id FROM assignments WHERE prompt_id = ?")
			.params(prompt.id())
			.query(Long.class)
			.single();
		// As before skips gave pseudonyms.
		jdbc.sql("DELETE FROM labelers WHERE user_id = ?").params(userId).update();

		jdbc.sql(new PathMatchingResourcePatternResolver()
			.getResources("classpath:db/migration/V*__pseudonyms_of_skipping_labelers.sql")[0]
			.getContentAsString(StandardCharsets.UTF_8)).update();

		assertThat(
				jdbc.sql("SELECT count(*) FROM labelers WHERE user_id = ?").params(userId).query(Long.class).single())
			.isEqualTo(1);
	}

	/**
	 * Reads a whole stream inside a read-only transaction, as the modules using it do.
	 */
	private <T> List<T> read(Function<SubmittedRankings, Stream<T>> reader) {
		TransactionTemplate readOnly = new TransactionTemplate(transactions);
		readOnly.setReadOnly(true);
		return readOnly.execute(status -> {
			try (Stream<T> rows = reader.apply(submitted)) {
				return rows.toList();
			}
		});
	}

}
