package org.ranklab.labeling;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.ranklab.user.RankLabUser;

/**
 * A labeler's start page: each project they may label with what they did and what is
 * left, and a way in.
 */
@Controller
class WorkPageController {

	private final LabelerWork work;

	WorkPageController(LabelerWork work) {
		this.work = work;
	}

	@GetMapping("/work")
	String work(@AuthenticationPrincipal RankLabUser user, Model model) {
		model.addAttribute("rows", work.of(user));
		return "work";
	}

}
