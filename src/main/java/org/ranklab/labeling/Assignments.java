package org.ranklab.labeling;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.ranklab.project.AssignmentOrder;
import org.ranklab.project.Project;
import org.ranklab.prompt.ChatMessage;
import org.ranklab.prompt.Conversations;

/**
 * The SQL of handing out prompts. A prompt's {@code prompt_slots} row is its lock:
 * whoever adds a lease or a ranking to a prompt holds that row, so a count made after
 * taking it is exact. Every method runs inside the caller's transaction.
 */
@Component
class Assignments {

	/**
	 * A lease counts against the prompt's room while it runs; a ranking for good.
	 * {@code 'OPEN'} is written out here and in {@link #openLeaseOf}, not bound, so that
	 * the planner can use the partial indexes on open assignments.
	 */
	private static final String TAKEN = """
			s.rankings + (SELECT count(*) FROM assignments o
			              WHERE o.prompt_id = s.prompt_id AND o.status = 'OPEN' AND o.lease_expires_at > now()
			                AND o.id <> :except)""";

	/**
	 * Open prompts, gold ones aside (the partial index {@code prompt_slots_open} leaves
	 * them out, so the condition is written as its predicate). A labeler excluded from
	 * the project gets none: an uncorrelated condition, checked once per statement.
	 */
	private static final String PICK = """
			SELECT s.prompt_id FROM prompt_slots s
			WHERE s.project_id = :project AND NOT s.complete AND NOT s.gold
			  AND NOT EXISTS (SELECT 1 FROM labeler_exclusions x WHERE x.project_id = :project AND x.user_id = :user)
			  AND NOT EXISTS (SELECT 1 FROM assignments mine WHERE mine.prompt_id = s.prompt_id AND mine.user_id = :user)
			  AND %s < :perPrompt
			ORDER BY %s
			LIMIT 1
			FOR UPDATE OF s""";

	/**
	 * Closest to completion first, then oldest; by uncertainty, the prompts whose two
	 * best candidates the newest model tells apart least come first, those it has not
	 * scored after them (so with no model at all the order is the same).
	 */
	private static final Map<AssignmentOrder, String> ORDER = Map.of(AssignmentOrder.COMPLETION,
			PICK.formatted(TAKEN, "s.rankings DESC, s.prompt_id"), AssignmentOrder.UNCERTAINTY,
			PICK.formatted(TAKEN, "s.model_margin ASC NULLS LAST, s.rankings DESC, s.prompt_id"));

	private final JdbcClient jdbc;

	Assignments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The user's open assignment in the project (at most one: a unique index says so),
	 * live or run out.
	 */
	Optional<Assignment> openLeaseOf(long projectId, long userId) {
		return jdbc
			.sql("SELECT " + Assignment.COLUMNS
					+ " FROM assignments WHERE project_id = :project AND user_id = :user AND status = 'OPEN'")
			.param("project", projectId)
			.param("user", userId)
			.query(Assignment::of)
			.optional();
	}

	Optional<Assignment> find(long id) {
		return jdbc.sql("SELECT " + Assignment.COLUMNS + " FROM assignments WHERE id = :id")
			.param("id", id)
			.query(Assignment::of)
			.optional();
	}

	/**
	 * The assignment, locked until the transaction ends, so that it is ranked or skipped
	 * once.
	 */
	Optional<Assignment> lock(long id) {
		return jdbc.sql("SELECT " + Assignment.COLUMNS + " FROM assignments WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(Assignment::of)
			.optional();
	}

	/**
	 * The prompt that this user may take, first in the project's assignment order,
	 * locked. Prompts that other transactions hold are skipped; with
	 * {@code waitForLocked} they are waited for instead, so that a prompt being ranked
	 * right now is not mistaken for none left. The room counted here may be stale (it was
	 * read before the lock was taken): {@link #leaseIfRoom} counts again.
	 */
	OptionalLong pick(Project project, long userId, boolean waitForLocked) {
		String pick = ORDER.get(project.assignmentOrder());
		return jdbc.sql(waitForLocked ? pick : pick + " SKIP LOCKED")
			.param("project", project.id())
			.param("user", userId)
			.param("perPrompt", project.rankingsPerPrompt())
			.param("except", 0L)
			.query(Long.class)
			.optional()
			.map(OptionalLong::of)
			.orElseGet(OptionalLong::empty);
	}

	/**
	 * Leases the picked prompt (whose slot the caller holds) to the user with a freshly
	 * shuffled candidate order, if it still has room and the user never had it. The lease
	 * records the guidelines version the task is shown with.
	 */
	Optional<Assignment> leaseIfRoom(Project project, long promptId, long userId) {
		return jdbc
			.sql("""
					INSERT INTO assignments (project_id, prompt_id, user_id, candidate_order, status, leased_at, lease_expires_at,
					                         guidelines_version)
					SELECT s.project_id, s.prompt_id, :user,
					       (SELECT array_agg(c.id ORDER BY random()) FROM candidates c WHERE c.prompt_id = s.prompt_id),
					       :open, now(), now() + make_interval(secs => :leaseSeconds), :guidelinesVersion
					FROM prompt_slots s
					WHERE s.prompt_id = :prompt AND NOT s.complete
					  AND NOT EXISTS (SELECT 1 FROM assignments mine WHERE mine.prompt_id = s.prompt_id AND mine.user_id = :user)
					  AND %s < :perPrompt
					RETURNING %s"""
				.formatted(TAKEN, Assignment.COLUMNS))
			.param("prompt", promptId)
			.param("user", userId)
			.param("leaseSeconds", project.leaseSeconds())
			.param("perPrompt", project.rankingsPerPrompt())
			.param("except", 0L)
			.param("open", Assignment.Status.OPEN.name())
			.param("guidelinesVersion", project.guidelinesVersion())
			.query(Assignment::of)
			.optional();
	}

	/**
	 * Leases the user a gold prompt they never had, the one with the fewest rankings
	 * first, if the project has one left for them. A gold prompt has room for every
	 * labeler, so its slot is not locked.
	 */
	Optional<Assignment> leaseGold(Project project, long userId) {
		return jdbc
			.sql("""
					INSERT INTO assignments (project_id, prompt_id, user_id, candidate_order, status, leased_at, lease_expires_at,
					                         guidelines_version)
					SELECT s.project_id, s.prompt_id, :user,
					       (SELECT array_agg(c.id ORDER BY random()) FROM candidates c WHERE c.prompt_id = s.prompt_id),
					       :open, now(), now() + make_interval(secs => :leaseSeconds), :guidelinesVersion
					FROM prompt_slots s
					WHERE s.project_id = :project AND s.gold
					  AND NOT EXISTS (SELECT 1 FROM assignments mine WHERE mine.prompt_id = s.prompt_id AND mine.user_id = :user)
					ORDER BY s.rankings, s.prompt_id
					LIMIT 1
					RETURNING\s"""
					+ Assignment.COLUMNS)
			.param("project", project.id())
			.param("user", userId)
			.param("leaseSeconds", project.leaseSeconds())
			.param("guidelinesVersion", project.guidelinesVersion())
			.param("open", Assignment.Status.OPEN.name())
			.query(Assignment::of)
			.optional();
	}

	/**
	 * Takes the prompt's slot: blocks while another transaction leases or ranks the
	 * prompt.
	 */
	void lockSlot(long promptId) {
		jdbc.sql("SELECT prompt_id FROM prompt_slots WHERE prompt_id = :prompt FOR UPDATE")
			.param("prompt", promptId)
			.query(Long.class)
			.single();
	}

	/**
	 * Whether the prompt still has room for this assignment: a gold prompt always has;
	 * any other while its rankings and the other running leases leave a place. Exact only
	 * while the caller holds the slot ({@link #lockSlot}).
	 */
	boolean hasRoomFor(Assignment assignment, int perPrompt) {
		return jdbc.sql("SELECT s.gold OR " + TAKEN + " < :perPrompt FROM prompt_slots s WHERE s.prompt_id = :prompt")
			.param("prompt", assignment.promptId())
			.param("except", assignment.id())
			.param("perPrompt", perPrompt)
			.query(Boolean.class)
			.single();
	}

	/**
	 * A new lease on an assignment whose lease ran out: same assignment, same candidate
	 * order, shown with the project's current guidelines.
	 */
	Assignment renew(Assignment assignment, Project project) {
		return jdbc
			.sql("""
					UPDATE assignments SET leased_at = now(), lease_expires_at = now() + make_interval(secs => :leaseSeconds),
					                       guidelines_version = :guidelinesVersion
					WHERE id = :id RETURNING\s"""
					+ Assignment.COLUMNS)
			.param("id", assignment.id())
			.param("leaseSeconds", project.leaseSeconds())
			.param("guidelinesVersion", project.guidelinesVersion())
			.query(Assignment::of)
			.single();
	}

	/**
	 * Extends a running lease by the project's lease length, but not past
	 * {@code maxLease} after it began (nor ever shortens it); {@code leased_at} stays, so
	 * that the ranking's time on task still counts from the start. Empty when the lease
	 * is gone: ranked, skipped, released or run out. One statement, so no lock is needed.
	 */
	Optional<Instant> extendLease(long id, int leaseSeconds, Duration maxLease) {
		return jdbc.sql("""
				UPDATE assignments
				SET lease_expires_at = greatest(lease_expires_at,
				                                least(now() + make_interval(secs => :leaseSeconds),
				                                      leased_at + make_interval(secs => :maxSeconds)))
				WHERE id = :id AND status = 'OPEN' AND lease_expires_at > now()
				RETURNING lease_expires_at""")
			.param("id", id)
			.param("leaseSeconds", leaseSeconds)
			.param("maxSeconds", (double) maxLease.toSeconds())
			.query((row, n) -> row.getTimestamp(1).toInstant())
			.optional();
	}

	/**
	 * The running lease shown again under guidelines edited since it began: its ranking
	 * will record the version shown last.
	 */
	Assignment showWithGuidelines(Assignment assignment, int guidelinesVersion) {
		return jdbc
			.sql("UPDATE assignments SET guidelines_version = :guidelinesVersion WHERE id = :id RETURNING "
					+ Assignment.COLUMNS)
			.param("id", assignment.id())
			.param("guidelinesVersion", guidelinesVersion)
			.query(Assignment::of)
			.single();
	}

	/**
	 * The lease ran out and the user moves on; the assignment may still be ranked while
	 * there is room.
	 */
	void expire(Assignment assignment) {
		close(assignment.id(), Assignment.Status.EXPIRED);
	}

	/**
	 * Closes the assignment as skipped and gives the user their pseudonym if this is
	 * their first answer, so that one who only skips shows up in the quality report.
	 */
	void skip(Assignment assignment) {
		jdbc.sql("INSERT INTO labelers (user_id) VALUES (:user) ON CONFLICT (user_id) DO NOTHING")
			.param("user", assignment.userId())
			.update();
		close(assignment.id(), Assignment.Status.SKIPPED);
	}

	private void close(long id, Assignment.Status status) {
		jdbc.sql("UPDATE assignments SET status = :status, closed_at = now() WHERE id = :id")
			.param("id", id)
			.param("status", status.name())
			.update();
	}

	/**
	 * The prompt's text (and a conversation's messages) and its candidates' texts by id.
	 */
	PromptContent contentOf(long promptId) {
		var prompt = new String[2];
		Map<Long, String> candidates = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT p.text AS prompt, p.messages::text AS messages, c.id, c.text
				FROM prompts p JOIN candidates c ON c.prompt_id = p.id
				WHERE p.id = :prompt""").param("prompt", promptId).query(row -> {
			prompt[0] = row.getString("prompt");
			prompt[1] = row.getString("messages");
			candidates.put(row.getLong("id"), row.getString("text"));
		});
		return new PromptContent(promptId, prompt[0], Conversations.fromJson(prompt[1]), candidates);
	}

	/** {@code messages} is {@code null} for a single-text prompt. */
	record PromptContent(long promptId, String text, List<ChatMessage> messages, Map<Long, String> candidates) {
	}

}
