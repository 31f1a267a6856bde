package org.ranklab.export;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import org.ranklab.project.Project;
import org.ranklab.project.ProjectProgress;
import org.ranklab.project.Projects;

/**
 * The admin's pages of one project: the overview with progress and downloads, and labeler
 * quality.
 */
@Controller
@RequestMapping("/admin/projects/{id}")
class ProjectOverviewPageController {

	private final Projects projects;

	private final Quality quality;

	private final LabelerReviews reviews;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ProjectOverviewPageController(Projects projects, Quality quality, LabelerReviews reviews, JdbcClient jdbc,
			JsonMapper json) {
		this.projects = projects;
		this.quality = quality;
		this.reviews = reviews;
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Rankings submitted on one day (UTC). */
	record Day(LocalDate day, long rankings) {
	}

	/**
	 * A part of a whole, for a progress bar.
	 *
	 * @param max the bar's end: the whole, or the part where that is more (counts come
	 * from several modules)
	 */
	record Share(long part, long whole, int percent, long max) {

		static Share of(long part, long whole) {
			return new Share(part, whole, whole == 0 ? 0 : (int) Math.min(100, Math.round(100.0 * part / whole)),
					Math.max(1, Math.max(part, whole)));
		}

	}

	@GetMapping
	String overview(@PathVariable long id, Model model) {
		Project project = projects.get(id);
		ProjectProgress progress = projects.progressOf(id);
		model.addAttribute("project", project);
		model.addAttribute("progress", progress);
		model.addAttribute("ready", Share.of(progress.promptsReady(), progress.prompts()));
		model.addAttribute("complete", Share.of(progress.promptsComplete(), progress.promptsReady()));
		model.addAttribute("rankings",
				Share.of(progress.rankings(), progress.promptsReady() * project.rankingsPerPrompt()));
		model.addAttribute("days", json.writeValueAsString(rankingsPerDay(id)));
		return "admin/project-overview";
	}

	@GetMapping("/quality")
	String quality(@PathVariable long id, Model model) throws SQLException {
		model.addAttribute("project", projects.get(id));
		model.addAttribute("report", quality.of(id));
		return "admin/quality";
	}

	/** The page's view of one labeler (JSON for its script). */
	@GetMapping("/quality/labelers/{labeler}")
	@ResponseBody
	LabelerReview labeler(@PathVariable long id, @PathVariable String labeler) {
		projects.get(id);
		return reviews.of(id, labeler);
	}

	private List<Day> rankingsPerDay(long projectId) {
		return jdbc.sql("""
				SELECT (created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS rankings
				FROM rankings WHERE project_id = :project GROUP BY 1 ORDER BY 1""")
			.param("project", projectId)
			.query((row, n) -> new Day(row.getObject("day", LocalDate.class), row.getLong("rankings")))
			.list();
	}

}
