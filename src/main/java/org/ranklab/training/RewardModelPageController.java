package org.ranklab.training;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import org.ranklab.project.Projects;
import org.ranklab.user.RankLabUser;

/**
 * A reward model's page: its figures and its reward-serving keys (make, list, revoke). A
 * new key is shown in the answer to the form that made it, once, and never stored in the
 * session.
 */
@Controller
class RewardModelPageController {

	private final RewardModels models;

	private final ServingKeys keys;

	private final Projects projects;

	RewardModelPageController(RewardModels models, ServingKeys keys, Projects projects) {
		this.models = models;
		this.keys = keys;
		this.projects = projects;
	}

	@GetMapping("/admin/reward-models/{id}")
	String page(@PathVariable long id, Model model) {
		return show(id, model);
	}

	@PostMapping("/admin/reward-models/{id}/serving-keys")
	String create(@PathVariable long id, @AuthenticationPrincipal RankLabUser user, Model model) {
		ServingKeys.IssuedKey issued = keys.create(id, user.getUsername());
		model.addAttribute("createdKey", issued.value());
		model.addAttribute("createdUrl", ServingKeyController.url(issued.value()));
		return show(id, model);
	}

	@PostMapping("/admin/reward-models/{id}/serving-keys/{keyId}/revoke")
	String revoke(@PathVariable long id, @PathVariable long keyId) {
		keys.revoke(id, keyId);
		return "redirect:/admin/reward-models/" + id + "?revoked=" + keyId;
	}

	private String show(long id, Model model) {
		RewardModelInfo info = models.get(id);
		model.addAttribute("rewardModel", info);
		model.addAttribute("project", projects.get(Long.parseLong(info.projectId())));
		model.addAttribute("keys", keys.of(id));
		return "admin/reward-model";
	}

}
