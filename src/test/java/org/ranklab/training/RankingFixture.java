package org.ranklab.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Submitted rankings written straight into the database, as labeling stores them. The easy ones have a known
 * order: each "good" word adds one to a candidate's quality and each "bad" word takes one away; candidates of
 * equal quality are tied.
 */
final class RankingFixture {

	static final List<String> GOOD = List.of("helpful", "accurate", "clear", "kind", "precise", "thorough");

	static final List<String> BAD = List.of("rude", "wrong", "vague", "harmful", "sloppy", "lazy");

	static final List<String> FILLER = List.of("the", "answer", "is", "about", "this", "topic", "and", "it", "was",
			"written", "today", "for", "you", "with", "some", "words", "可以", "我们", "问题");

	private final JdbcClient jdbc;

	private final long labeler;

	RankingFixture(JdbcClient jdbc) {
		this.jdbc = jdbc;
		String name = "fixture-" + UUID.randomUUID();
		this.labeler = jdbc.sql("INSERT INTO users (username, password_hash, role) VALUES (?, 'x', 'LABELER') RETURNING id")
			.param(name)
			.query(Long.class)
			.single();
		jdbc.sql("INSERT INTO labelers (user_id) VALUES (?)").param(labeler).update();
	}

	/** {@code prompts} ready prompts of four candidates each, ranked by their hidden quality. */
	void easyRankings(long projectId, int prompts, long seed, boolean withScores) {
		Random random = new Random(seed);
		for (int p = 0; p < prompts; p++) {
			List<String> texts = new ArrayList<>();
			List<Integer> qualities = new ArrayList<>();
			for (int c = 0; c < 4; c++) {
				StringBuilder text = new StringBuilder();
				int quality = 0;
				int length = 6 + random.nextInt(10);
				for (int w = 0; w < length; w++) {
					int kind = random.nextInt(6);
					String word;
					if (kind == 0) {
						word = GOOD.get(random.nextInt(GOOD.size()));
						quality++;
					}
					else if (kind == 1) {
						word = BAD.get(random.nextInt(BAD.size()));
						quality--;
					}
					else {
						word = FILLER.get(random.nextInt(FILLER.size()));
					}
					text.append(word).append(' ');
				}
				texts.add(text.toString().trim());
				qualities.add(quality);
			}
			Map<Integer, List<Integer>> byQuality = new TreeMap<>(Comparator.reverseOrder());
			for (int c = 0; c < 4; c++) {
				byQuality.computeIfAbsent(qualities.get(c), q -> new ArrayList<>()).add(c);
			}
			List<Integer> scores = withScores
					? qualities.stream().map(q -> Math.max(1, Math.min(7, 4 + q))).toList() : null;
			rank(projectId, "question number " + p + " " + FILLER.get(random.nextInt(FILLER.size())), texts,
					new ArrayList<>(byQuality.values()), scores);
		}
	}

	/**
	 * Stores a ready prompt with these candidates and one ranking of them.
	 *
	 * @param tiers candidate positions, best tier first; null for a not-rankable verdict
	 * @param scores a 1..7 score per position, or null
	 */
	void rank(long projectId, String prompt, List<String> candidates, List<List<Integer>> tiers, List<Integer> scores) {
		long promptId = jdbc.sql("INSERT INTO prompts (project_id, text, ready_at) VALUES (?, ?, now()) RETURNING id")
			.params(projectId, prompt)
			.query(Long.class)
			.single();
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
				                         lease_expires_at, closed_at)
				VALUES (?, ?, ?, ?::bigint[], 'SUBMITTED', now(), now() + interval '1 hour', now()) RETURNING id""")
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
				                      presented_order, seconds_on_task, body_sha256)
				VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?::bigint[], 10, ?)""")
			.params(assignment, projectId, promptId, labeler, tiersJson, scoresJson, tiers == null, order,
					UUID.randomUUID().toString())
			.update();
	}

	/** A not-rankable verdict sent without a ranking. */
	void notRankable(long projectId, String prompt, List<String> candidates) {
		rank(projectId, prompt, candidates, null, null);
	}

}
