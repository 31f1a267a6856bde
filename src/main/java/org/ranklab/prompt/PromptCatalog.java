package org.ranklab.prompt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.ranklab.web.InvalidInputException;

/**
 * Reads a project's prompts page by page, in id order (keyset paging: no OFFSET, stable
 * under inserts).
 */
@Service
class PromptCatalog {

	static final int DEFAULT_LIMIT = 50;

	static final int MAX_LIMIT = 500;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	PromptCatalog(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** {@code limit} as given in the query string: absent means the default. */
	static int limit(String limit) {
		if (limit == null || limit.isEmpty()) {
			return DEFAULT_LIMIT;
		}
		try {
			int value = Integer.parseInt(limit);
			if (value >= 1 && value <= MAX_LIMIT) {
				return value;
			}
		}
		catch (NumberFormatException e) {
			// Reported below.
		}
		throw InvalidInputException.ofField("limit", "must be a whole number from 1 to " + MAX_LIMIT);
	}

	@Transactional(readOnly = true)
	PromptListing page(long projectId, String after, int limit) {
		long afterId = PromptCursor.decode(after);
		Map<Long, PromptRow> prompts = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT id, external_id, text, meta::text, gold::text, messages::text FROM prompts
				WHERE project_id = :project AND id > :after ORDER BY id LIMIT :limit""")
			.param("project", projectId)
			.param("after", afterId)
			.param("limit", limit + 1)
			.query((rs, n) -> new PromptRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.list()
			.forEach(row -> prompts.put(row.id(), row));
		boolean more = prompts.size() > limit;
		if (more) {
			prompts.remove(prompts.keySet().stream().reduce((a, b) -> b).orElseThrow());
		}
		Map<Long, List<PromptListing.Candidate>> candidates = candidatesOf(prompts.keySet());
		List<PromptListing.Item> items = new ArrayList<>(prompts.size());
		long last = 0;
		for (PromptRow row : prompts.values()) {
			List<PromptListing.Candidate> ofPrompt = candidates.getOrDefault(row.id(), List.of());
			items.add(new PromptListing.Item(Long.toString(row.id()), row.externalId(), row.text(), ofPrompt,
					meta(row.meta()), gold(row.gold(), ofPrompt), Conversations.fromJson(row.messages())));
			last = row.id();
		}
		return new PromptListing(items, more ? PromptCursor.after(last) : null);
	}

	private Map<Long, List<PromptListing.Candidate>> candidatesOf(Collection<Long> promptIds) {
		Map<Long, List<PromptListing.Candidate>> byPrompt = new LinkedHashMap<>();
		if (promptIds.isEmpty()) {
			return byPrompt;
		}
		jdbc.sql(
				"SELECT id, prompt_id, text, model FROM candidates WHERE prompt_id IN (:ids) ORDER BY prompt_id, position")
			.param("ids", promptIds)
			.query((rs, n) -> {
				byPrompt.computeIfAbsent(rs.getLong(2), id -> new ArrayList<>())
					.add(new PromptListing.Candidate(Long.toString(rs.getLong(1)), rs.getString(3), rs.getString(4)));
				return null;
			})
			.list();
		return byPrompt;
	}

	private JsonNode meta(String text) {
		return text == null ? null : json.readTree(text);
	}

	/** A gold prompt's ranking as tiers of the listed candidates' ids. */
	private List<List<String>> gold(String stored, List<PromptListing.Candidate> candidates) {
		if (stored == null) {
			return null;
		}
		List<Long> ids = candidates.stream().map(candidate -> Long.parseLong(candidate.id())).toList();
		return GoldPositions.parse(json, stored)
			.asIds(ids)
			.stream()
			.map(tier -> tier.stream().map(String::valueOf).toList())
			.toList();
	}

	private record PromptRow(long id, String externalId, String text, String meta, String gold, String messages) {
	}

}
