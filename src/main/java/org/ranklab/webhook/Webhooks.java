package org.ranklab.webhook;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.ranklab.audit.AdminAction;
import org.ranklab.audit.AuditLog;
import org.ranklab.jobs.JobSecrets;
import org.ranklab.outbound.OutboundPolicy;
import org.ranklab.project.Projects;
import org.ranklab.web.NotFoundException;

/** Makes, lists and deletes hooks, and reads their delivery logs. */
@Service
class Webhooks {

	/** Lines of a delivery log shown at once. */
	static final int LOG_LINES = 100;

	private final WebhookStore store;

	private final OutboundPolicy policy;

	private final Projects projects;

	private final JobSecrets secrets;

	private final AuditLog audit;

	Webhooks(WebhookStore store, OutboundPolicy policy, Projects projects, JobSecrets secrets, AuditLog audit) {
		this.store = store;
		this.policy = policy;
		this.projects = projects;
		this.secrets = secrets;
		this.audit = audit;
	}

	/** Checks the request, then stores the hook with a new secret, shown only here. */
	@Transactional
	CreatedWebhook create(WebhookRequest request, Long userId) {
		WebhookRequest.Valid valid = request.validate(policy, projects);
		String secret = WebhookSignature.newSecret();
		long id = store.insert(valid, secrets.seal(secret), userId);
		Webhook hook = get(id);
		audit.record(new AdminAction("webhook.created", "webhook", hook.id(), valid.projectId(), Map.of(),
				Map.of("url", hook.url(), "events", hook.events().stream().map(WebhookEvent::apiName).toList())));
		return CreatedWebhook.of(hook, secret);
	}

	List<Webhook> all() {
		return store.all();
	}

	Webhook get(long id) {
		return store.find(id).orElseThrow(() -> new NotFoundException("webhook", id));
	}

	/** Deletes the hook with its log; deliveries still queued find it gone and stop. */
	@Transactional
	void delete(long id) {
		Webhook hook = get(id);
		store.delete(id);
		audit.record(new AdminAction("webhook.deleted", "webhook", hook.id(),
				hook.projectId() == null ? null : Long.parseLong(hook.projectId()), Map.of("url", hook.url()),
				Map.of()));
	}

	List<Delivery> deliveries(long id) {
		get(id);
		return store.deliveries(id, LOG_LINES);
	}

}
