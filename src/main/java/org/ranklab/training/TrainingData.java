package org.ranklab.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.ranklab.training.engine.Candidate;
import org.ranklab.training.engine.RankedGroup;

/**
 * A project's submitted rankings as the engine trains on them: one {@link RankedGroup}
 * per ranking, not-rankable verdicts left out. Read with a server-side cursor (fetch size
 * inside a read-only transaction), so the database streams rows rather than building the
 * whole result in the driver.
 */
@Component
class TrainingData {

	private static final int FETCH_SIZE = 1000;

	private final JdbcTemplate cursor;

	private final JdbcClient jdbc;

	private final TransactionTemplate readOnly;

	private final JsonMapper json;

	TrainingData(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactions, JsonMapper json) {
		this.cursor = new JdbcTemplate(dataSource);
		this.cursor.setFetchSize(FETCH_SIZE);
		this.jdbc = jdbc;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.json = json;
	}

	/**
	 * True when some ranking of the project orders at least two candidates (two tiers or
	 * more).
	 */
	boolean hasOrderedPair(long projectId) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM rankings
				               WHERE project_id = ? AND NOT not_rankable AND jsonb_array_length(tiers) >= 2)""")
			.param(projectId)
			.query(Boolean.class)
			.single();
	}

	/** True when some ranking of the project carries scores. */
	boolean hasScores(long projectId) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM rankings
				               WHERE project_id = ? AND NOT not_rankable AND tiers IS NOT NULL
				                 AND scores IS NOT NULL AND scores <> '{}'::jsonb)""")
			.param(projectId)
			.query(Boolean.class)
			.single();
	}

	/** Every usable ranking of the project, grouped per ranking, prompts in id order. */
	List<RankedGroup> rankings(long projectId) {
		return readOnly.execute(status -> {
			Collector collector = new Collector();
			cursor.query("""
					SELECT r.id AS ranking_id, r.prompt_id, p.text AS prompt_text, r.tiers::text AS tiers,
					       r.scores::text AS scores, c.id AS candidate_id, c.text AS candidate_text
					FROM rankings r
					JOIN prompts p ON p.id = r.prompt_id
					JOIN candidates c ON c.prompt_id = r.prompt_id
					WHERE r.project_id = ? AND NOT r.not_rankable AND r.tiers IS NOT NULL
					ORDER BY r.prompt_id, r.id, c.position""", collector::row, projectId);
			return collector.finish();
		});
	}

	/**
	 * Builds groups from rows ordered by prompt and ranking, sharing candidate objects
	 * within a prompt.
	 */
	private final class Collector {

		private final List<RankedGroup> groups = new ArrayList<>();

		private long promptId = -1;

		private String prompt;

		private final Map<Long, Candidate> candidatesOfPrompt = new HashMap<>();

		private long rankingId = -1;

		private List<List<Long>> tiers;

		private Set<Long> ranked;

		private Map<Long, Integer> scores;

		private final List<Candidate> candidates = new ArrayList<>();

		void row(ResultSet rs) throws SQLException {
			long ranking = rs.getLong("ranking_id");
			if (ranking != rankingId) {
				flush();
				long prompted = rs.getLong("prompt_id");
				if (prompted != promptId) {
					promptId = prompted;
					prompt = rs.getString("prompt_text");
					candidatesOfPrompt.clear();
				}
				rankingId = ranking;
				tiers = tiers(rs.getString("tiers"));
				ranked = new HashSet<>();
				tiers.forEach(ranked::addAll);
				scores = scores(rs.getString("scores"));
			}
			long candidateId = rs.getLong("candidate_id");
			if (ranked.contains(candidateId)) {
				String text = rs.getString("candidate_text");
				candidates.add(candidatesOfPrompt.computeIfAbsent(candidateId, id -> new Candidate(id, text)));
			}
		}

		List<RankedGroup> finish() {
			flush();
			return groups;
		}

		private void flush() {
			if (rankingId != -1 && candidates.size() >= 2) {
				groups.add(new RankedGroup(promptId, prompt, candidates, tiers, scores));
			}
			candidates.clear();
			rankingId = -1;
		}

		private List<List<Long>> tiers(String text) {
			List<List<Long>> result = new ArrayList<>();
			for (JsonNode tier : json.readTree(text)) {
				List<Long> ids = new ArrayList<>();
				tier.forEach(id -> ids.add(id.asLong()));
				result.add(ids);
			}
			return result;
		}

		private Map<Long, Integer> scores(String text) {
			Map<Long, Integer> result = new HashMap<>();
			if (text == null) {
				return result;
			}
			JsonNode node = json.readTree(text);
			for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext();) {
				Map.Entry<String, JsonNode> entry = it.next();
				result.put(Long.parseLong(entry.getKey()), entry.getValue().asInt());
			}
			return result;
		}

	}

}
