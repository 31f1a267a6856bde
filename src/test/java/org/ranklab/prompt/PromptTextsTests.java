package org.ranklab.prompt;

import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.ranklab.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The published reader of prompt texts. */
class PromptTextsTests extends IntegrationTest {

	@Autowired
	private PromptTexts texts;

	@Autowired
	private PlatformTransactionManager transactions;

	@Test
	void readsTheAskedPromptsInOrderWithTheirCandidatesInStoredOrder() {
		long project = newProject("{\"name\":\"Texts\"}");
		long other = newProject("{\"name\":\"Other texts\"}");
		long first = prompt(project, "First", "b-second-stored", "a-first-stored");
		long skipped = prompt(project, "Not asked for", "x", "y");
		long last = prompt(project, "Last", "one", "two", "three");
		long elsewhere = prompt(other, "Elsewhere", "p", "q");

		List<PromptText> read = read(project, Stream.of(first, last, elsewhere));

		assertThat(read).extracting(PromptText::id).containsExactly(first, last).doesNotContain(skipped);
		assertThat(read.get(0).text()).isEqualTo("First");
		assertThat(read.get(0).candidates()).extracting(PromptText.Candidate::text)
			.containsExactly("b-second-stored", "a-first-stored");
		assertThat(read.get(1).candidates()).extracting(PromptText.Candidate::text)
			.containsExactly("one", "two", "three");
		assertThat(read.get(1).candidate(read.get(1).candidates().get(2).id()).text()).isEqualTo("three");
	}

	@Test
	void readsMoreIdsThanOneBatchLazily() {
		long project = newProject("{\"name\":\"Many texts\"}");
		int count = PromptTexts.BATCH + 5;
		List<Long> ids = jdbc.sql("""
				WITH p AS (
				    INSERT INTO prompts (project_id, text, ready_at)
				    SELECT ?, 'Prompt ' || n, now() FROM generate_series(1, ?) n RETURNING id
				), c AS (
				    INSERT INTO candidates (prompt_id, position, text)
				    SELECT id, k, 'Candidate ' || k FROM p, generate_series(0, 1) k
				)
				SELECT id FROM p ORDER BY id""").params(project, count).query(Long.class).list();

		List<PromptText> read = read(project, ids.stream());

		assertThat(read).extracting(PromptText::id).containsExactlyElementsOf(ids);
		assertThat(read).allSatisfy(prompt -> assertThat(prompt.candidates()).hasSize(2));
		assertThat(read(project, LongStream.of(ids.get(0), ids.get(count - 1)).boxed())).extracting(PromptText::text)
			.containsExactly("Prompt 1", "Prompt " + count);
	}

	private List<PromptText> read(long project, Stream<Long> ids) {
		TransactionTemplate readOnly = new TransactionTemplate(transactions);
		readOnly.setReadOnly(true);
		return readOnly.execute(status -> {
			try (Stream<PromptText> prompts = texts.of(project, ids)) {
				return prompts.toList();
			}
		});
	}

	private long prompt(long project, String text, String... candidates) {
		long id = jdbc.sql("INSERT INTO prompts (project_id, text, ready_at) VALUES (?, ?, now()) RETURNING id")
			.params(project, text)
			.query(Long.class)
			.single();
		// Last position first: the reader follows positions, not ids.
		for (int position = candidates.length - 1; position >= 0; position--) {
			jdbc.sql("INSERT INTO candidates (prompt_id, position, text) VALUES (?, ?, ?)")
				.params(id, position, candidates[position])
				.update();
		}
		return id;
	}

}
