package org.ranklab.prompt;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import org.ranklab.project.Project;
import org.ranklab.project.Projects;
import org.ranklab.web.InvalidInputException;

/**
 * The admin page of a project's prompts: browse them page by page, and upload a file to
 * import.
 */
@Controller
class PromptPageController {

	private final Projects projects;

	private final PromptCatalog catalog;

	private final ImportProperties properties;

	PromptPageController(Projects projects, PromptCatalog catalog, ImportProperties properties) {
		this.projects = projects;
		this.catalog = catalog;
		this.properties = properties;
	}

	@GetMapping("/admin/projects/{projectId}/prompts")
	String prompts(@PathVariable long projectId, @RequestParam(required = false) String after, Model model) {
		Project project = projects.get(projectId);
		PromptListing listing;
		try {
			listing = catalog.page(projectId, after, PromptCatalog.DEFAULT_LIMIT);
		}
		catch (InvalidInputException staleLink) {
			after = null;
			listing = catalog.page(projectId, null, PromptCatalog.DEFAULT_LIMIT);
		}
		model.addAttribute("project", project);
		model.addAttribute("progress", projects.progressOf(projectId));
		model.addAttribute("listing", listing);
		model.addAttribute("after", after);
		model.addAttribute("maxBytes", properties.maxBytes().toBytes());
		return "admin/prompts";
	}

}
