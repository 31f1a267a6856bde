package org.ranklab.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ranklab.outbound.OutboundPolicy;
import org.ranklab.project.Projects;
import org.ranklab.web.InputError;
import org.ranklab.web.InvalidInputException;

/** {@code POST /api/v1/webhooks}: where to send which events, of one project or all. */
record WebhookRequest(String url, List<String> events, String projectId) {

	static final int MAX_URL = 2048;

	/** A checked request, ready to store. */
	record Valid(URI url, Set<WebhookEvent> events, Long projectId) {
	}

	/**
	 * Every problem at once: the URL must be one the outbound policy lets us call now,
	 * the events known, the project existing.
	 */
	Valid validate(OutboundPolicy policy, Projects projects) {
		List<InputError> errors = new ArrayList<>();
		URI uri = checkUrl(errors, policy);
		Set<WebhookEvent> wanted = EnumSet.noneOf(WebhookEvent.class);
		if (events == null || events.isEmpty()) {
			errors.add(InputError.field("events", "name at least one event"));
		}
		else {
			for (String name : events) {
				WebhookEvent.fromApiName(name)
					.ifPresentOrElse(wanted::add,
							() -> errors.add(InputError.field("events",
									"unknown event '" + name + "'; known: ranking.created, prompt.completed, "
											+ "project.completed, job.finished, training_run.finished")));
			}
		}
		Long project = checkProject(errors, projects);
		if (!errors.isEmpty()) {
			throw InvalidInputException.of(errors);
		}
		return new Valid(uri, wanted, project);
	}

	private URI checkUrl(List<InputError> errors, OutboundPolicy policy) {
		if (url == null || url.isBlank()) {
			errors.add(InputError.field("url", "is required"));
			return null;
		}
		if (url.length() > MAX_URL) {
			errors.add(InputError.field("url", "is longer than " + MAX_URL + " characters"));
			return null;
		}
		try {
			URI uri = new URI(url.strip());
			if (uri.getRawFragment() != null) {
				errors.add(InputError.field("url", "must not have a #fragment"));
				return null;
			}
			policy.check(uri);
			return uri;
		}
		catch (URISyntaxException e) {
			errors.add(InputError.field("url", "is not a valid URL"));
		}
		catch (OutboundPolicy.Refused e) {
			errors.add(InputError.field("url", "is not allowed: " + e.getMessage()));
		}
		return null;
	}

	private Long checkProject(List<InputError> errors, Projects projects) {
		if (projectId == null || projectId.isBlank()) {
			return null;
		}
		try {
			long id = Long.parseLong(projectId.strip());
			if (projects.find(id).isPresent()) {
				return id;
			}
		}
		catch (NumberFormatException e) {
			// reported below
		}
		errors.add(InputError.field("project_id", "no such project"));
		return null;
	}

}
