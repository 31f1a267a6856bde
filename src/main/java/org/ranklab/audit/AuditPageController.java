package org.ranklab.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log page: newest first, a hundred entries a page, of every project or of one.
 */
@Controller
class AuditPageController {

	private static final int PAGE = 100;

	private final AuditLog log;

	AuditPageController(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/admin/audit")
	String page(@RequestParam(name = "project_id", required = false) Long projectId,
			@RequestParam(required = false) Long before, Model model) {
		var entries = log.newest(projectId, before, PAGE);
		model.addAttribute("entries", entries.stream().map(AuditRow::of).toList());
		model.addAttribute("projectId", projectId);
		model.addAttribute("older", entries.size() == PAGE ? entries.get(PAGE - 1).id() : null);
		return "admin/audit";
	}

}
