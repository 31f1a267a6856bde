package org.ranklab.export;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

import org.ranklab.export.ExportLines.BestLine;
import org.ranklab.export.ExportLines.CandidateLine;
import org.ranklab.export.ExportLines.ConsensusLine;
import org.ranklab.export.ExportLines.RankingLine;
import org.ranklab.export.RankingCursor.Selection;

/**
 * Writes the NDJSON exports straight from database cursors: rankings are read one prompt
 * at a time and each line goes out as soon as it is made, so memory holds one prompt
 * whatever the project's size.
 */
@Service
class Exports {

	private final DataSource dataSource;

	private final JsonMapper json;

	private final Counter rowsRead;

	private final AtomicInteger active;

	Exports(DataSource dataSource, JsonMapper json, MeterRegistry meters) {
		this.dataSource = dataSource;
		this.json = json;
		this.rowsRead = Counter.builder("ranklab.export.rows")
			.description("Rankings read from the database by exports and quality reports")
			.register(meters);
		this.active = meters.gauge("ranklab.export.active", new AtomicInteger());
	}

	/** Where the pairs of {@code export/pairs} come from. */
	enum PairSource {

		RANKINGS, CONSENSUS

	}

	/** One line per ranking, not-rankable verdicts included. */
	void rankings(ExportFilter filter, OutputStream out) throws IOException, SQLException {
		read(filter, Selection.ALL, true, (prompt, rankings) -> {
			String candidates = json.writeValueAsString(prompt.candidates()
				.stream()
				.map(c -> new CandidateLine(Long.toString(c.id()), c.text(), c.model()))
				.toList());
			for (StoredRanking ranking : rankings) {
				line(new RankingLine(Long.toString(ranking.id()), Long.toString(prompt.id()), prompt.externalId(),
						prompt.text(), candidates, ranking.tiers() == null ? null : ranking.tiers().asStrings(),
						ranking.scoresJson(), ranking.notRankable(), ranking.labeler(), ranking.createdAt(),
						ranking.comment()), out);
			}
		});
	}

	/** Every ordered pair of tiers: of each ranking, or of each prompt's consensus. */
	void pairs(ExportFilter filter, PairSource source, OutputStream out) throws IOException, SQLException {
		Selection selection = source == PairSource.RANKINGS ? Selection.RANKABLE : Selection.PROMPTS_CHANGED;
		read(filter, selection, true, (prompt, rankings) -> {
			PairLines pairs = new PairLines(prompt, out);
			if (source == PairSource.RANKINGS) {
				for (StoredRanking ranking : rankings) {
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
	void consensus(ExportFilter filter, OutputStream out) throws IOException, SQLException {
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
	void best(ExportFilter filter, OutputStream out) throws IOException, SQLException {
		read(filter, Selection.PROMPTS_CHANGED, true, (prompt, rankings) -> {
			long best = RankedPairs.consensus(tiersOf(rankings)).best().get(0);
			line(new BestLine(prompt.text(), prompt.candidate(best).text(), Long.toString(prompt.id()),
					Long.toString(best)), out);
		});
	}

	@FunctionalInterface
	interface PerPrompt {

		/**
		 * @param prompt the prompt with its candidates, or {@code null} when the export
		 * reads no texts
		 */
		void accept(PromptCursor.Prompt prompt, List<StoredRanking> rankings) throws IOException;

	}

	/** Walks the rankings prompt by prompt, with the prompt's texts when asked for. */
	void read(ExportFilter filter, Selection selection, boolean withTexts, PerPrompt perPrompt)
			throws IOException, SQLException {
		active.incrementAndGet();
		try (ExportSnapshot snapshot = new ExportSnapshot(dataSource)) {
			RankingCursor rankings = RankingCursor.open(snapshot, filter, selection, rowsRead);
			PromptCursor prompts = withTexts ? PromptCursor.open(snapshot, filter) : null;
			for (List<StoredRanking> group = rankings.nextPrompt(); !group.isEmpty(); group = rankings.nextPrompt()) {
				perPrompt.accept(prompts == null ? null : prompts.seek(group.get(0).promptId()), group);
			}
		}
		finally {
			active.decrementAndGet();
		}
	}

	private void line(Object line, OutputStream out) throws IOException {
		out.write(json.writeValueAsBytes(line));
		out.write('\n');
	}

	static List<Tiers> tiersOf(List<StoredRanking> rankings) {
		return rankings.stream().map(StoredRanking::tiers).toList();
	}

}
