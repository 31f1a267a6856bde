package org.ranklab.labeling;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How sure a project's newest reward model is about each open prompt, for handing out by
 * uncertainty: the margin between the scores of the prompt's two best candidates, kept on
 * the prompt's slot. Training scores the open prompts after each run and records the
 * margins here.
 */
@Component
public class ModelMargins {

	private final JdbcClient jdbc;

	ModelMargins(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The project's prompts that still want rankings, ascending; gold prompts, which are
	 * not handed out by uncertainty, are not among them.
	 */
	public List<Long> openPrompts(long projectId) {
		return jdbc.sql(
				"SELECT prompt_id FROM prompt_slots WHERE project_id = ? AND NOT complete AND NOT gold ORDER BY prompt_id")
			.param(projectId)
			.query(Long.class)
			.list();
	}

	/**
	 * Records the margins of these prompts of the project (prompts of other projects are
	 * passed over), in one statement.
	 */
	public void record(long projectId, Map<Long, Double> margins) {
		if (margins.isEmpty()) {
			return;
		}
		Long[] prompts = margins.keySet().toArray(Long[]::new);
		Double[] values = new Double[prompts.length];
		for (int i = 0; i < prompts.length; i++) {
			values[i] = margins.get(prompts[i]);
		}
		jdbc.sql("""
				UPDATE prompt_slots s SET model_margin = m.margin
				FROM unnest(?::bigint[], ?::double precision[]) AS m (prompt_id, margin)
				WHERE s.prompt_id = m.prompt_id AND s.project_id = ?""").params(prompts, values, projectId).update();
	}

}
