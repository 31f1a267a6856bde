package org.ranklab.labeling;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import org.ranklab.project.Project;
import org.ranklab.project.Projects;
import org.ranklab.user.RankLabUser;

/**
 * The ranking page. Its script takes tasks from {@code POST /projects/{id}/label/next}
 * (this page's own endpoint: the task with its texts rendered as safe HTML) and answers
 * them through the public API.
 */
@Controller
class LabelPageController {

	/** Only our own scripts run on the page, whatever a candidate's text tries. */
	private final Projects projects;

	private final RecentProjects recentProjects;

	private final TaskAssigner tasks;

	private final SafeMarkdown markdown;

	LabelPageController(Projects projects, RecentProjects recentProjects, TaskAssigner tasks, SafeMarkdown markdown) {
		this.projects = projects;
		this.recentProjects = recentProjects;
		this.tasks = tasks;
		this.markdown = markdown;
	}

	@GetMapping("/projects/{id}/label")
	String page(@PathVariable long id, Model model, HttpServletResponse response) {
		Optional<Project> project = projects.find(id);
		if (project.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("status", HttpStatus.NOT_FOUND.value());
			model.addAttribute("error", "There is no project " + id + ".");
			return "error";
		}
		model.addAttribute("project", project.get());
		model.addAttribute("guidelines", markdown.toHtml(project.get().guidelines()));
		model.addAttribute("maxCommentLength", RankingRules.MAX_COMMENT_LENGTH);
		return "label";
	}

	@PostMapping(path = "/projects/{id}/label/next", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<PageTask> next(@PathVariable long id, @AuthenticationPrincipal RankLabUser user) {
		return tasks.next(recentProjects.get(id), user.id())
			.map(task -> ResponseEntity.ok(PageTask.of(task, markdown)))
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

}
