package org.ranklab.training;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.ranklab.ApiClient;
import org.ranklab.training.engine.Candidate;
import org.ranklab.training.engine.RankedGroup;
import org.ranklab.training.engine.SyntheticRankings;

/**
 * Submitted rankings written straight into the database, as labeling stores them. The
 * easy ones have the known order of {@link SyntheticRankings}. Public for the fault
 * tests, which train in separate app processes.
 */
public final class RankingFixture {

	private final JdbcClient jdbc;

	private final long labeler;

	public RankingFixture(JdbcClient jdbc) {
		this.jdbc = jdbc;
		String name = "fixture-" + UUID.randomUUID();
		this.labeler = jdbc
			.sql("INSERT INTO users (username, password_hash, role) VALUES (?, 'x', 'LABELER') RETURNING id")
			.param(name)
			.query(Long.class)
			.single();
		jdbc.sql("INSERT INTO labelers (user_id) VALUES (?)").param(labeler).update();
	}

	/**
	 * {@code prompts} ready prompts of four candidates each, ranked by their hidden
	 * quality (see {@link SyntheticRankings}); with scores, each candidate scores 4 + its
	 * quality, within 1..7.
	 */
	public void easyRankings(long projectId, int prompts, long seed, boolean withScores) {
		for (RankedGroup group : SyntheticRankings.groups(prompts, 4, seed)) {
			List<Long> ids = group.candidates().stream().map(Candidate::id).toList();
			List<String> texts = group.candidates().stream().map(Candidate::text).toList();
			List<List<Integer>> tiers = group.tiers()
				.stream()
				.map(tier -> tier.stream().map(ids::indexOf).toList())
				.toList();
			List<Integer> scores = withScores
					? texts.stream().map(t -> Math.max(1, Math.min(7, 4 + SyntheticRankings.quality(t)))).toList()
					: null;
			rank(projectId, group.prompt(), texts, tiers, scores);
		}
	}

	/**
	 * Stores a ready prompt with these candidates and one ranking of them.
	 * @param tiers candidate positions, best tier first; null for a not-rankable verdict
	 * @param scores a 1..7 score per position, or null
	 */
	void rank(long projectId, String prompt, List<String> candidates, List<List<Integer>> tiers, List<Integer> scores) {
		long promptId = jdbc.sql("INSERT INTO prompts (project_id, text, ready_at) VALUES (?, ?, now()) RETURNING id")
			.params(projectId, prompt)
			.query(Long.class)
			.single();
		jdbc.sql("INSERT INTO prompt_slots (prompt_id, project_id) VALUES (?, ?)").params(promptId, projectId).update();
		List<Long> ids = new ArrayList<>();
		for (int position = 0; position < candidates.size(); position++) {
			ids.add(jdbc.sql("INSERT INTO candidates (prompt_id, position, text) VALUES (?, ?, ?) RETURNING id")
				.params(promptId, position, candidates.get(position))
				.query(Long.class)
				.single());
		}
		String order = ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
		long assignment = jdbc.sql("""
				INSERT INTO assignments (project_id, prompt_id, user_id, candidate_order, status, leased_at,
				                         lease_expires_at, closed_at, guidelines_version)
				VALUES (?, ?, ?, ?::bigint[], 'SUBMITTED', now(), now() + interval '1 hour', now(), 1) RETURNING id""")
			.params(projectId, promptId, labeler, order)
			.query(Long.class)
			.single();
		String tiersJson = tiers == null ? null : tiers.stream()
			.map(tier -> tier.stream().map(p -> String.valueOf(ids.get(p))).collect(Collectors.joining(",", "[", "]")))
			.collect(Collectors.joining(",", "[", "]"));
		String scoresJson = null;
		if (scores != null) {
			List<String> entries = new ArrayList<>();
			for (int i = 0; i < ids.size(); i++) {
				entries.add("\"" + ids.get(i) + "\":" + scores.get(i));
			}
			scoresJson = entries.stream().collect(Collectors.joining(",", "{", "}"));
		}
		jdbc.sql("""
				INSERT INTO rankings (assignment_id, project_id, prompt_id, user_id, tiers, scores, not_rankable,
				                      presented_order, seconds_on_task, body_sha256, guidelines_version)
				VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?::bigint[], 10, ?, 1)""")
			.params(assignment, projectId, promptId, labeler, tiersJson, scoresJson, tiers == null, order,
					UUID.randomUUID().toString())
			.update();
	}

	/** A not-rankable verdict sent without a ranking. */
	void notRankable(long projectId, String prompt, List<String> candidates) {
		rank(projectId, prompt, candidates, null, null);
	}

	/**
	 * A reward model of the project, trained through the API for one epoch on 60 prompts
	 * of {@link #easyRankings}; its id.
	 */
	public String trainedModel(ApiClient api, ApiClient.Credentials admin, long projectId, String architecture,
			Duration timeout) {
		easyRankings(projectId, 60, 3, false);
		String run = api
			.post("/api/v1/projects/" + projectId + "/training-runs", admin,
					"{\"architecture\":\"" + architecture + "\",\"epochs\":1,\"batch_size\":8,\"seed\":1}")
			.expectStatus(202)
			.json()
			.path("id")
			.asString();
		JsonNode ended = TrainingRunTests.awaitEnd(api, admin, run, new ArrayList<>(), timeout);
		if (!ended.path("status").asString().equals("SUCCEEDED")) {
			throw new IllegalStateException("training " + architecture + " did not succeed: " + ended);
		}
		return ended.path("reward_model_id").asString();
	}

}
