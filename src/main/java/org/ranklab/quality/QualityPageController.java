package org.ranklab.quality;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import org.ranklab.project.Projects;
import org.ranklab.web.InvalidInputException;

/** The admin's labeler quality page of a project, and its review of one labeler. */
@Controller
@RequestMapping("/admin/projects/{id}/quality")
class QualityPageController {

	private final Projects projects;

	private final Quality quality;

	private final LabelerReviews reviews;

	private final ModelDisagreements disagreements;

	QualityPageController(Projects projects, Quality quality, LabelerReviews reviews,
			ModelDisagreements disagreements) {
		this.projects = projects;
		this.quality = quality;
		this.reviews = reviews;
		this.disagreements = disagreements;
	}

	/**
	 * The report, with labelers flagged below the page's gold tau threshold; one the page
	 * cannot read is told and the default used.
	 */
	@GetMapping
	String quality(@PathVariable long id,
			@RequestParam(name = "gold_tau_threshold", required = false) String goldTauThreshold, Model model) {
		model.addAttribute("project", projects.get(id));
		double threshold = Quality.DEFAULT_GOLD_TAU_THRESHOLD;
		try {
			threshold = GoldTauThreshold.parse(goldTauThreshold);
		}
		catch (InvalidInputException e) {
			model.addAttribute("thresholdError",
					"The gold τ threshold " + e.errors().get(0).message() + "; the default " + threshold + " is used.");
		}
		model.addAttribute("report", quality.of(id, threshold));
		model.addAttribute("disagreements", disagreements.of(id).orElse(null));
		return "admin/quality";
	}

	/** The page's view of one labeler (JSON for its script). */
	@GetMapping("/labelers/{labeler}")
	@ResponseBody
	LabelerReview labeler(@PathVariable long id, @PathVariable String labeler) {
		projects.get(id);
		return reviews.of(id, labeler);
	}

}
