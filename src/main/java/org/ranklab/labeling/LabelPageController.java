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
import org.ranklab.project.ProjectAccessPolicy;
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

	private final ProjectAccessPolicy access;

	LabelPageController(Projects projects, RecentProjects recentProjects, TaskAssigner tasks, SafeMarkdown markdown,
			ProjectAccessPolicy access) {
		this.projects = projects;
		this.recentProjects = recentProjects;
		this.tasks = tasks;
		this.markdown = markdown;
		this.access = access;
	}

	/**
	 * The page, or an error page: {@code 404} for no such project, {@code 403} for a
	 * labeler who is not among the members of a project for members only.
	 */
	@GetMapping("/projects/{id}/label")
	String page(@PathVariable long id, @AuthenticationPrincipal RankLabUser user, Model model,
			HttpServletResponse response) {
		Optional<Project> project = projects.find(id);
		if (project.isEmpty()) {
			return error(HttpStatus.NOT_FOUND, "There is no project " + id + ".", model, response);
		}
		if (!access.mayLabel(project.get(), user)) {
			return error(HttpStatus.FORBIDDEN,
					"This project is open to its members only. Ask an admin to add you if you should label it.", model,
					response);
		}
		model.addAttribute("project", project.get());
		model.addAttribute("guidelines", markdown.toHtml(project.get().guidelines()));
		model.addAttribute("maxCommentLength", RankingRules.MAX_COMMENT_LENGTH);
		return "label";
	}

	@PostMapping(path = "/projects/{id}/label/next", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<PageTask> next(@PathVariable long id, @AuthenticationPrincipal RankLabUser user) {
		Project project = recentProjects.get(id);
		access.checkMayLabel(project, user);
		return tasks.next(project, user.id())
			.map(task -> ResponseEntity.ok(PageTask.of(task, markdown)))
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	private static String error(HttpStatus status, String message, Model model, HttpServletResponse response) {
		response.setStatus(status.value());
		model.addAttribute("status", status.value());
		model.addAttribute("reason", message);
		return "error";
	}

}
