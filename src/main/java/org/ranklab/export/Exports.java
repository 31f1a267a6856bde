package org.ranklab.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

import org.ranklab.export.ExportLines.BestLine;
import org.ranklab.export.ExportLines.CandidateLine;
import org.ranklab.export.ExportLines.ConsensusLine;
import org.ranklab.export.ExportLines.RankingLine;
import org.ranklab.labeling.SubmittedRanking;
import org.ranklab.labeling.SubmittedRankings;
import org.ranklab.labeling.SubmittedRankings.Selection;
import org.ranklab.prompt.PromptText;
import org.ranklab.prompt.PromptTexts;
import org.ranklab.ranking.Agreement;
import org.ranklab.ranking.RankedPairs;
import org.ranklab.ranking.Tiers;

/**
 * Writes the NDJSON exports straight from database cursors: rankings (from labeling) are
 * read one prompt at a time with their prompt's texts (from prompt), and each line goes
 * out as soon as it is made, so memory holds one prompt whatever the project's size.
 */
@Service
class Exports {

	private final SubmittedRankings submitted;

	private final PromptTexts promptTexts;

	private final PlatformTransactionManager transactions;

	private final JsonMapper json;

	private final Counter rowsRead;

	private final AtomicInteger active;

	Exports(SubmittedRankings submitted, PromptTexts promptTexts, DataSource dataSource, JsonMapper json,
			MeterRegistry meters) {
		this.submitted = submitted;
		this.promptTexts = promptTexts;
		this.transactions = ExportSnapshot.transactionsOf(dataSource);
		this.json = json;
		this.rowsRead = Counter.builder("ranklab.export.rows")
			.description("Rankings read from the database by exports")
			.register(meters);
		this.active = meters.gauge("ranklab.export.active", new AtomicInteger());
	}

	/** Where the pairs of {@code export/pairs} come from. */
	enum PairSource {

		RANKINGS, CONSENSUS

	}

	/** One line per ranking, not-rankable verdicts included. */
	void rankings(ExportFilter filter, OutputStream out) throws IOException {
		read(filter, Selection.ALL, true, (prompt, rankings) -> {
			String candidates = json.writeValueAsString(prompt.candidates()
				.stream()
				.map(c -> new CandidateLine(Long.toString(c.id()), c.text(), c.model(), c.meta()))
				.toList());
			String messages = prompt.conversation() ? json.writeValueAsString(prompt.messages()) : null;
			for (SubmittedRanking ranking : rankings) {
				line(new RankingLine(Long.toString(ranking.id()), Long.toString(prompt.id()), prompt.externalId(),
						prompt.text(), messages, prompt.meta(), candidates,
						ranking.tiers() == null ? null : ranking.tiers().asStrings(), ranking.scoresJson(),
						ranking.notRankable(), ranking.labeler(), ranking.createdAt(), ranking.comment(),
						ranking.presentedOrder().stream().map(String::valueOf).toList(), ranking.secondsOnTask(),
						ranking.guidelinesVersion()), out);
			}
		});
	}

	/** Every ordered pair of tiers: of each ranking, or of each prompt's consensus. */
	void pairs(ExportFilter filter, PairSource source, OutputStream out) throws IOException {
		Selection selection = source == PairSource.RANKINGS ? Selection.RANKABLE : Selection.PROMPTS_CHANGED;
		read(filter, selection, true, (prompt, rankings) -> {
			PairLines pairs = new PairLines(prompt, out, json);
			if (source == PairSource.RANKINGS) {
				for (SubmittedRanking ranking : rankings) {
					pairs.writeAll(ranking.tiers());
				}
			}
			else {
				pairs.writeAll(RankedPairs.consensus(tiersOf(rankings)));
			}
		});
	}

	/**
	 * One line per prompt with at least one rankable ranking: the ranked-pairs consensus
	 * and the agreement.
	 */
	void consensus(ExportFilter filter, OutputStream out) throws IOException {
		read(filter, Selection.PROMPTS_CHANGED, false, (prompt, rankings) -> {
			List<Tiers> tiers = tiersOf(rankings);
			OptionalDouble agreement = Agreement.mean(tiers);
			line(new ConsensusLine(Long.toString(rankings.get(0).promptId()), RankedPairs.consensus(tiers).asStrings(),
					tiers.size(), agreement.isPresent() ? agreement.getAsDouble() : null), out);
		});
	}

	/**
	 * The best candidate of each consensus. When the consensus ties several candidates at
	 * the top, the one with the lowest id wins (consensus tiers list ids in ascending
	 * order): the first one stored for the prompt.
	 */
	void best(ExportFilter filter, OutputStream out) throws IOException {
		read(filter, Selection.PROMPTS_CHANGED, true, (prompt, rankings) -> {
			long best = RankedPairs.consensus(tiersOf(rankings)).best().get(0);
			line(BestLine.of(prompt, prompt.candidate(best)), out);
		});
	}

	@FunctionalInterface
	private interface PerPrompt {

		/**
		 * @param prompt the prompt with its candidates, or {@code null} when the export
		 * reads no texts
		 */
		void accept(PromptText prompt, List<SubmittedRanking> rankings) throws IOException;

	}

	/**
	 * Walks the rankings prompt by prompt, with the prompt's texts when asked for: both
	 * readers move forward together in prompt order, like a merge join, inside one
	 * snapshot.
	 */
	private void read(ExportFilter filter, Selection selection, boolean withTexts, PerPrompt perPrompt)
			throws IOException {
		active.incrementAndGet();
		try (ExportSnapshot snapshot = ExportSnapshot.open(transactions);
				Stream<SubmittedRanking> rankings = submitted.of(filter.projectId(), selection, filter.since(),
						filter.excluded());
				Stream<PromptText> texts = withTexts
						? promptTexts.of(filter.projectId(),
								submitted.promptIds(filter.projectId(), selection, filter.since(), filter.excluded()))
						: Stream.empty()) {
			PromptGroups groups = new PromptGroups(rankings.iterator());
			Iterator<PromptText> prompts = texts.iterator();
			for (List<SubmittedRanking> group = groups.next(); !group.isEmpty(); group = groups.next()) {
				perPrompt.accept(withTexts ? seek(prompts, group.get(0).promptId()) : null, group);
			}
		}
		finally {
			active.decrementAndGet();
		}
	}

	/** The rankings one prompt at a time, counted as they are read. */
	private final class PromptGroups {

		private final Iterator<SubmittedRanking> rankings;

		private SubmittedRanking next;

		PromptGroups(Iterator<SubmittedRanking> rankings) {
			this.rankings = rankings;
			this.next = advance();
		}

		/** The rankings of the next prompt, oldest first; empty at the end. */
		List<SubmittedRanking> next() {
			List<SubmittedRanking> group = new ArrayList<>();
			if (next == null) {
				return group;
			}
			long prompt = next.promptId();
			while (next != null && next.promptId() == prompt) {
				group.add(next);
				next = advance();
			}
			return group;
		}

		private SubmittedRanking advance() {
			if (!rankings.hasNext()) {
				return null;
			}
			rowsRead.increment();
			return rankings.next();
		}

	}

	/** Moves the texts forward to the prompt. */
	private static PromptText seek(Iterator<PromptText> prompts, long promptId) {
		while (prompts.hasNext()) {
			PromptText prompt = prompts.next();
			if (prompt.id() == promptId) {
				return prompt;
			}
		}
		throw new IllegalStateException("prompt " + promptId + " has rankings but no candidates in this snapshot");
	}

	private void line(Object line, OutputStream out) throws IOException {
		out.write(json.writeValueAsBytes(line));
		out.write('\n');
	}

	private static List<Tiers> tiersOf(List<SubmittedRanking> rankings) {
		return rankings.stream().map(SubmittedRanking::tiers).toList();
	}

}
