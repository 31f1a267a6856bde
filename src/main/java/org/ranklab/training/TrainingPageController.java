package org.ranklab.training;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.ranklab.project.Projects;
import org.ranklab.training.engine.Architecture;

/** The training page of a project; its script does the work through the REST API. */
@Controller
class TrainingPageController {

	private final Projects projects;

	private final TrainingRuns runs;

	TrainingPageController(Projects projects, TrainingRuns runs) {
		this.projects = projects;
		this.runs = runs;
	}

	@GetMapping("/admin/projects/{id}/training")
	String page(@PathVariable long id, Model model) {
		model.addAttribute("project", projects.get(id));
		List<String> architectures = Arrays.stream(Architecture.values()).map(Architecture::apiName).toList();
		model.addAttribute("architectures", architectures);
		model.addAttribute("defaultArchitecture", Architecture.DEFAULT.apiName());
		List<TrainingRun> latest = runs.recent(id, 1);
		model.addAttribute("latestRun", latest.isEmpty() ? null : latest.get(0));
		return "admin/training";
	}

}
