package org.ranklab.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.ranklab.export.Exports.PairSource;
import org.ranklab.project.Project;
import org.ranklab.project.Projects;
import org.ranklab.web.InvalidInputException;

/**
 * The exports of the public API: NDJSON written to the response as the rows come from the
 * database. ADMIN only (the security configuration's default for {@code /api/**}).
 */
@RestController
@RequestMapping("/api/v1/projects/{id}")
@Tag(name = "Export")
@ApiResponse(responseCode = "400", description = "malformed since, source or include_excluded; errors name the field")
@ApiResponse(responseCode = "403", description = "not an admin")
@ApiResponse(responseCode = "404", description = "no such project")
class ExportController {

	static final String NDJSON = "application/x-ndjson";

	private static final String SINCE = "only what changed at or after this ISO-8601 instant (or date): rankings "
			+ "created since then; for consensus, best and consensus pairs the prompts that received a ranking "
			+ "since then, merged over all their rankings";

	private static final String INCLUDE_EXCLUDED = "true: the rankings of labelers excluded from the project too "
			+ "(default false: left out). Rankings of gold prompts are never exported.";

	private final Projects projects;

	private final Exports exports;

	ExportController(Projects projects, Exports exports) {
		this.projects = projects;
		this.exports = exports;
	}

	@GetMapping("/export/rankings")
	@Operation(summary = "Every submitted ranking with its prompt and candidates, one per line",
			description = "Lines: {ranking_id, prompt_id, external_id, prompt, candidates: [{id, text, model}], "
					+ "ranking: [[id, ...], ...] (null for a not-rankable verdict without ranking), scores?, "
					+ "not_rankable, labeler (stable pseudonym), created_at}, in prompt order.")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = NDJSON))
	void rankings(@PathVariable long id, @Parameter(description = SINCE) @RequestParam(required = false) String since,
			@Parameter(description = INCLUDE_EXCLUDED) @RequestParam(name = "include_excluded",
					required = false) String includeExcluded,
			HttpServletResponse response) throws IOException {
		stream(ExportFilter.of(id, since, includeExcluded), "rankings", response, exports::rankings);
	}

	@GetMapping("/export/pairs")
	@Operation(summary = "Preference pairs for reward-model training (TRL's prompt/chosen/rejected)",
			description = "Lines: {prompt, chosen, rejected, prompt_id, chosen_id, rejected_id}, one per ordered "
					+ "pair of tiers; tied candidates and not-rankable verdicts give none. source=rankings (default): "
					+ "the pairs of every ranking; source=consensus: the pairs of each prompt's consensus ranking.")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = NDJSON))
	void pairs(@PathVariable long id,
			@Parameter(schema = @Schema(allowableValues = { "rankings", "consensus" })) @RequestParam(
					required = false) String source,
			@Parameter(description = SINCE) @RequestParam(required = false) String since,
			@Parameter(description = INCLUDE_EXCLUDED) @RequestParam(name = "include_excluded",
					required = false) String includeExcluded,
			HttpServletResponse response) throws IOException {
		PairSource pairSource = pairSource(source);
		stream(ExportFilter.of(id, since, includeExcluded),
				pairSource == PairSource.RANKINGS ? "pairs" : "consensus-pairs", response,
				(filter, out) -> exports.pairs(filter, pairSource, out));
	}

	@GetMapping("/export/consensus")
	@Operation(summary = "Each prompt's rankings merged with Tideman's ranked pairs",
			description = "Lines: {prompt_id, ranking: [[id, ...], ...], rankings, agreement}, one per prompt with at "
					+ "least one rankable ranking. Candidates stand in one tier where the majority is tied; edges of "
					+ "equal strength lock in ascending (winner id, loser id) order. agreement: mean pairwise agreement "
					+ "of the prompt's rankings (null with one ranking).")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = NDJSON))
	void consensus(@PathVariable long id, @Parameter(description = SINCE) @RequestParam(required = false) String since,
			@Parameter(description = INCLUDE_EXCLUDED) @RequestParam(name = "include_excluded",
					required = false) String includeExcluded,
			HttpServletResponse response) throws IOException {
		stream(ExportFilter.of(id, since, includeExcluded), "consensus", response, exports::consensus);
	}

	@GetMapping("/export/best")
	@Operation(summary = "The best candidate of each consensus ranking (best-of-n data for fine-tuning)",
			description = "Lines: {prompt, completion, prompt_id, completion_id}. A tie at the top of the consensus "
					+ "goes to the candidate with the lowest id, the first one stored for the prompt.")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = NDJSON))
	void best(@PathVariable long id, @Parameter(description = SINCE) @RequestParam(required = false) String since,
			@Parameter(description = INCLUDE_EXCLUDED) @RequestParam(name = "include_excluded",
					required = false) String includeExcluded,
			HttpServletResponse response) throws IOException {
		stream(ExportFilter.of(id, since, includeExcluded), "best", response, exports::best);
	}

	/**
	 * One export of the project: checked, given its headers, written line by line, then
	 * finished.
	 */
	private void stream(ExportFilter filter, String kind, HttpServletResponse response, Export export)
			throws IOException {
		Project project = projects.get(filter.projectId());
		OutputStream out = ndjson(response, project, kind);
		export.writeTo(filter, out);
		out.flush();
	}

	@FunctionalInterface
	private interface Export {

		void writeTo(ExportFilter filter, OutputStream out) throws IOException;

	}

	private static PairSource pairSource(String source) {
		if (source == null || source.isBlank()) {
			return PairSource.RANKINGS;
		}
		try {
			return PairSource.valueOf(source.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.ofField("source", "must be rankings or consensus");
		}
	}

	/**
	 * Sets the headers and hands out the body, which the export writes lines to as it
	 * reads them. Only a finished export flushes it: one that fails half-way leaves the
	 * rest to the container, which closes the connection without ending the chunked body,
	 * so a client sees a broken download, not a short file.
	 */
	private static OutputStream ndjson(HttpServletResponse response, Project project, String kind) throws IOException {
		String fileName = ExportFileName.of(project.id(), project.name(), kind, LocalDate.now(ZoneOffset.UTC));
		response.setContentType(NDJSON);
		response.setCharacterEncoding("UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		return new BufferedOutputStream(response.getOutputStream(), 64 * 1024);
	}

}
