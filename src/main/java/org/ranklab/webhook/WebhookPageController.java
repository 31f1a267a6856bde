package org.ranklab.webhook;

import java.util.Arrays;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.ranklab.project.Projects;
import org.ranklab.user.RankLabUser;
import org.ranklab.web.InvalidInputException;

/**
 * The admin's webhook pages: the hooks with a form to add one (its secret shown once,
 * right after), and each hook's delivery log.
 */
@Controller
@RequestMapping("/admin/webhooks")
class WebhookPageController {

	private final Webhooks webhooks;

	private final Projects projects;

	WebhookPageController(Webhooks webhooks, Projects projects) {
		this.webhooks = webhooks;
		this.projects = projects;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("webhooks", webhooks.all());
		model.addAttribute("projects", projects.all());
		model.addAttribute("events", Arrays.stream(WebhookEvent.values()).map(WebhookEvent::apiName).toList());
		return "admin/webhooks";
	}

	@PostMapping
	String create(@RequestParam(defaultValue = "") String url,
			@RequestParam(name = "events", required = false) List<String> events,
			@RequestParam(name = "projectId", defaultValue = "") String projectId,
			@AuthenticationPrincipal RankLabUser user, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("created",
					webhooks.create(new WebhookRequest(url, events, projectId), user.id()));
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("errors", e.errors());
			redirect.addFlashAttribute("url", url);
		}
		return "redirect:/admin/webhooks";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		webhooks.delete(id);
		redirect.addFlashAttribute("deleted", id);
		return "redirect:/admin/webhooks";
	}

	@GetMapping("/{id}")
	String deliveries(@PathVariable long id, Model model) {
		model.addAttribute("webhook", webhooks.get(id));
		model.addAttribute("deliveries", webhooks.deliveries(id));
		return "admin/webhook-deliveries";
	}

}
