package org.ranklab.webhook;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.ranklab.user.RankLabUser;

/** The webhook calls of the public API (admins only). */
@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Webhooks")
class WebhookController {

	private final Webhooks webhooks;

	WebhookController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a webhook",
			description = "Events: ranking.created, prompt.completed, project.completed, job.finished, "
					+ "training_run.finished; with project_id, only that project's. Deliveries are signed per the "
					+ "Standard Webhooks specification with the returned secret, which is shown only here.")
	@ApiResponse(responseCode = "201", description = "the hook with its secret")
	@ApiResponse(responseCode = "400",
			description = "invalid request, or a URL the outbound policy refuses; errors name each field")
	CreatedWebhook create(@RequestBody WebhookRequest request, @AuthenticationPrincipal RankLabUser user) {
		return webhooks.create(request, user.id());
	}

	@GetMapping
	@Operation(summary = "List the webhooks (without their secrets)")
	List<Webhook> list() {
		return webhooks.all();
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a webhook and its delivery log")
	@ApiResponse(responseCode = "204", description = "deleted")
	@ApiResponse(responseCode = "404", description = "no such webhook")
	void delete(@PathVariable long id) {
		webhooks.delete(id);
	}

	@GetMapping("/{id}/deliveries")
	@Operation(summary = "The hook's delivery log, newest first (the latest 100)")
	@ApiResponse(responseCode = "404", description = "no such webhook")
	List<Delivery> deliveries(@PathVariable long id) {
		return webhooks.deliveries(id);
	}

}
