package org.ranklab.webhook;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code webhooks} and {@code webhook_deliveries} tables, in plain SQL. */
@Repository
class WebhookStore {

	private static final String HOOK = "id, url, events, project_id, created_at";

	private static final String DELIVERY = """
			id, webhook_id, message_id, event, status, attempts, created_at, last_attempt_at, next_attempt_at,
			delivered_at, last_status_code, last_error, payload""";

	private final JdbcClient jdbc;

	WebhookStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(WebhookRequest.Valid hook, String sealedSecret, Long createdBy) {
		return jdbc.sql("""
				INSERT INTO webhooks (url, events, project_id, secret_sealed, created_by)
				VALUES (?, ?::text[], ?, ?, ?) RETURNING id""")
			.params(hook.url().toString(), hook.events().stream().map(WebhookEvent::apiName).toArray(String[]::new),
					hook.projectId(), sealedSecret, createdBy)
			.query(Long.class)
			.single();
	}

	Optional<Webhook> find(long id) {
		return jdbc.sql("SELECT " + HOOK + " FROM webhooks WHERE id = ?").param(id).query(this::hook).optional();
	}

	List<Webhook> all() {
		return jdbc.sql("SELECT " + HOOK + " FROM webhooks ORDER BY id").query(this::hook).list();
	}

	/** Deletes the hook and its deliveries; false when there was none. */
	boolean delete(long id) {
		return jdbc.sql("DELETE FROM webhooks WHERE id = ?").param(id).update() == 1;
	}

	/**
	 * The outbox: one pending delivery of the event for each hook that wants it (hooks of
	 * every project, and of the event's project), in the caller's transaction.
	 * @return the new deliveries' ids
	 */
	List<Long> enqueue(WebhookEvent event, Long projectId, String messageId, String payload) {
		return jdbc.sql("""
				INSERT INTO webhook_deliveries (webhook_id, message_id, event, payload, next_attempt_at)
				SELECT id, ?, ?, ?, now() FROM webhooks
				WHERE events @> ARRAY[?]::text[] AND (project_id IS NULL OR project_id = ?)
				RETURNING id""")
			.params(messageId, event.apiName(), payload, event.apiName(), projectId)
			.query(Long.class)
			.list();
	}

	/** The newest deliveries of a hook first. */
	List<Delivery> deliveries(long webhookId, int limit) {
		return jdbc.sql("SELECT " + DELIVERY + " FROM webhook_deliveries WHERE webhook_id = ? ORDER BY id DESC LIMIT ?")
			.params(webhookId, limit)
			.query(this::delivery)
			.list();
	}

	/** What a try needs: a delivery still pending, with its hook's address and secret. */
	record Pending(long id, String messageId, String payload, int attempts, String url, String sealedSecret) {
	}

	Optional<Pending> pending(long deliveryId) {
		return jdbc.sql("""
				SELECT d.id, d.message_id, d.payload, d.attempts, w.url, w.secret_sealed
				FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
				WHERE d.id = ? AND d.status = ?""")
			.params(deliveryId, Delivery.Status.PENDING.name())
			.query((rs, row) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getString(5), rs.getString(6)))
			.optional();
	}

	void delivered(long id, int statusCode) {
		jdbc.sql("""
				UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, last_attempt_at = now(),
				       delivered_at = now(), next_attempt_at = NULL, last_status_code = ?, last_error = NULL
				WHERE id = ?""").params(Delivery.Status.DELIVERED.name(), statusCode, id).update();
	}

	/**
	 * A failed try: pending again at {@code next}, or failed for good when {@code next}
	 * is null.
	 */
	void failed(long id, Integer statusCode, String error, Instant next) {
		jdbc.sql("""
				UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, last_attempt_at = now(),
				       next_attempt_at = ?, last_status_code = ?, last_error = ?
				WHERE id = ?""")
			.params(next == null ? Delivery.Status.FAILED.name() : Delivery.Status.PENDING.name(),
					next == null ? null : Timestamp.from(next), statusCode, error, id)
			.update();
	}

	private Webhook hook(ResultSet rs, int row) throws SQLException {
		Array events = rs.getArray("events");
		List<WebhookEvent> names = Arrays.stream((String[]) events.getArray())
			.map(name -> WebhookEvent.fromApiName(name).orElseThrow())
			.sorted()
			.toList();
		Long project = rs.getObject("project_id", Long.class);
		return new Webhook(Long.toString(rs.getLong("id")), rs.getString("url"), names,
				project == null ? null : project.toString(), instant(rs, "created_at"));
	}

	private Delivery delivery(ResultSet rs, int row) throws SQLException {
		return new Delivery(Long.toString(rs.getLong("id")), Long.toString(rs.getLong("webhook_id")),
				rs.getString("message_id"), rs.getString("event"), rs.getString("status"), rs.getInt("attempts"),
				instant(rs, "created_at"), instant(rs, "last_attempt_at"), instant(rs, "next_attempt_at"),
				instant(rs, "delivered_at"), rs.getObject("last_status_code", Integer.class),
				rs.getString("last_error"), rs.getString("payload"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

}
