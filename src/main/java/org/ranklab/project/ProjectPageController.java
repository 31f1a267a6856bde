package org.ranklab.project;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.ranklab.web.FormValidation;
import org.ranklab.web.InvalidInputException;

@Controller
class ProjectPageController {

	private final Projects projects;

	private final FormValidation forms;

	ProjectPageController(Projects projects, FormValidation forms) {
		this.projects = projects;
		this.forms = forms;
	}

	/** The projects in work first, the archived ones apart below. */
	@GetMapping("/admin/projects")
	String list(Model model) {
		List<ProjectRow> rows = rows();
		model.addAttribute("projects", rows.stream().filter(row -> row.project().open()).toList());
		model.addAttribute("archived", rows.stream().filter(row -> !row.project().open()).toList());
		return "admin/projects";
	}

	@GetMapping("/admin/projects/new")
	String form(Model model) {
		model.addAttribute("projectForm", new ProjectForm());
		return "admin/project-form";
	}

	@PostMapping("/admin/projects")
	String create(@ModelAttribute ProjectForm form, BindingResult binding, RedirectAttributes redirect) {
		NewProject settings = form.toNewProject();
		if (!forms.validate(settings, binding)) {
			return "admin/project-form";
		}
		try {
			Project project = projects.create(settings);
			redirect.addFlashAttribute("created", project.name());
			return "redirect:/admin/projects";
		}
		catch (InvalidInputException e) {
			binding.rejectValue("maxCandidates", "range", e.errors().get(0).message());
			return "admin/project-form";
		}
	}

	private List<ProjectRow> rows() {
		return projects.all().stream().map(p -> new ProjectRow(p, projects.progressOf(p.id()))).toList();
	}

}
