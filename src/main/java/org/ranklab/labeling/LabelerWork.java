package org.ranklab.labeling;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.ranklab.project.Project;
import org.ranklab.project.ProjectAccessPolicy;
import org.ranklab.user.RankLabUser;

/** What a labeler did and has left in each project, for their start page. */
@Component
class LabelerWork {

	private final JdbcClient jdbc;

	private final ProjectAccessPolicy access;

	LabelerWork(JdbcClient jdbc, ProjectAccessPolicy access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	/**
	 * @param left prompts that still need rankings and that this user has not answered (a
	 * prompt fully leased to others right now counts, as it may come free); gold prompts,
	 * which never run out, are not counted, and a labeler excluded from the project has
	 * none left
	 */
	record Row(Project project, long ranked, long skipped, long left) {
	}

	/** The projects the user may label that are not archived. */
	List<Row> of(RankLabUser user) {
		long userId = user.id();
		Map<Long, long[]> answered = new HashMap<>();
		jdbc.sql(
				"""
						SELECT project_id, count(*) FILTER (WHERE status = :submitted), count(*) FILTER (WHERE status = :skipped)
						FROM assignments WHERE user_id = :user GROUP BY project_id""")
			.param("user", userId)
			.param("submitted", Assignment.Status.SUBMITTED.name())
			.param("skipped", Assignment.Status.SKIPPED.name())
			.query(row -> {
				answered.put(row.getLong(1), new long[] { row.getLong(2), row.getLong(3) });
			});
		Map<Long, Long> left = new HashMap<>();
		jdbc.sql(
				"""
						SELECT s.project_id, count(*) FROM prompt_slots s
						LEFT JOIN assignments a ON a.prompt_id = s.prompt_id AND a.user_id = :user
						WHERE NOT s.complete AND NOT s.gold AND (a.id IS NULL OR a.status = :open)
						  AND NOT EXISTS (SELECT 1 FROM labeler_exclusions x WHERE x.project_id = s.project_id AND x.user_id = :user)
						GROUP BY s.project_id""")
			.param("user", userId)
			.param("open", Assignment.Status.OPEN.name())
			.query(row -> {
				left.put(row.getLong(1), row.getLong(2));
			});
		return access.openTo(user).stream().map(project -> {
			long[] counts = answered.getOrDefault(project.id(), new long[2]);
			return new Row(project, counts[0], counts[1], left.getOrDefault(project.id(), 0L));
		}).toList();
	}

}
