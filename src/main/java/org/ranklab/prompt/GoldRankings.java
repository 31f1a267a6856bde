package org.ranklab.prompt;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The known rankings of a project's gold prompts, for the modules that check labelers
 * against them (quality): the way to {@code prompts.gold} from outside this module.
 */
@Component
public class GoldRankings {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	GoldRankings(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Each gold prompt's id with its gold ranking: tiers of candidate ids, best first,
	 * each tier in ascending order.
	 */
	public Map<Long, List<List<Long>>> of(long projectId) {
		Map<Long, List<List<Long>>> gold = new HashMap<>();
		jdbc.sql("""
				SELECT p.id, p.gold::text, array_agg(c.id ORDER BY c.position) AS candidates
				FROM prompts p JOIN candidates c ON c.prompt_id = p.id
				WHERE p.project_id = :project AND p.gold IS NOT NULL
				GROUP BY p.id""").param("project", projectId).query(row -> {
			gold.put(row.getLong(1), GoldPositions.parse(json, row.getString(2)).asIds(ids(row.getArray(3))));
		});
		return gold;
	}

	private static List<Long> ids(Array array) throws SQLException {
		return Arrays.asList((Long[]) array.getArray());
	}

}
