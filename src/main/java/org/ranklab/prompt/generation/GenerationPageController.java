package org.ranklab.prompt.generation;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.ranklab.jobs.Jobs;
import org.ranklab.project.Project;
import org.ranklab.project.Projects;

/**
 * The page that starts a generation job and follows it; the work is done by the page's
 * script via the API.
 */
@Controller
class GenerationPageController {

	private final Projects projects;

	private final Generation generation;

	private final Jobs jobs;

	GenerationPageController(Projects projects, Generation generation, Jobs jobs) {
		this.projects = projects;
		this.generation = generation;
		this.jobs = jobs;
	}

	@GetMapping("/admin/projects/{id}/generation")
	String page(@PathVariable long id, Model model) {
		Project project = projects.get(id);
		model.addAttribute("project", project);
		model.addAttribute("waiting", generation.waiting(id));
		model.addAttribute("jobs", jobs.recent(id, GenerationWorker.TYPE, 10));
		model.addAttribute("active", jobs.active(id, GenerationWorker.TYPE).orElse(null));
		return "admin/generation";
	}

}
