package org.ranklab.project;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The admin's overview of one project: progress, rankings per day and the downloads of
 * the export module.
 */
@Controller
class ProjectOverviewPageController {

	private final Projects projects;

	private final ObjectProvider<DailyRankingsSource> dailyRankings;

	private final JsonMapper json;

	ProjectOverviewPageController(Projects projects, ObjectProvider<DailyRankingsSource> dailyRankings,
			JsonMapper json) {
		this.projects = projects;
		this.dailyRankings = dailyRankings;
		this.json = json;
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

	@GetMapping("/admin/projects/{id}")
	String overview(@PathVariable long id, Model model) {
		Project project = projects.get(id);
		ProjectProgress progress = projects.progressOf(id);
		model.addAttribute("project", project);
		model.addAttribute("progress", progress);
		model.addAttribute("ready", Share.of(progress.promptsReady(), progress.prompts()));
		model.addAttribute("complete", Share.of(progress.promptsComplete(), progress.promptsReady()));
		model.addAttribute("rankings",
				Share.of(progress.rankings(), progress.promptsReady() * project.rankingsPerPrompt()));
		List<DailyRankingsSource.Day> days = dailyRankings.stream()
			.flatMap(source -> source.rankingsPerDay(id).stream())
			.toList();
		model.addAttribute("days", json.writeValueAsString(days));
		return "admin/project-overview";
	}

}
