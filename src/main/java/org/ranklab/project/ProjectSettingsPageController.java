package org.ranklab.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.ranklab.user.Usernames;
import org.ranklab.web.ConflictException;
import org.ranklab.web.FormValidation;
import org.ranklab.web.InputError;
import org.ranklab.web.InvalidInputException;

/**
 * The admin's page of a project's settings: edit them, pick the members among the
 * labelers, archive or unarchive. Every change goes through {@link Projects}, so the page
 * keeps the API's rules and writes the same audit log entries.
 */
@Controller
class ProjectSettingsPageController {

	private static final String FORM = "settingsForm";

	private static final Pattern SNAKE = Pattern.compile("_([a-z])");

	private final Projects projects;

	private final Usernames usernames;

	private final FormValidation forms;

	ProjectSettingsPageController(Projects projects, Usernames usernames, FormValidation forms) {
		this.projects = projects;
		this.usernames = usernames;
		this.forms = forms;
	}

	@GetMapping("/admin/projects/{id}/settings")
	String page(@PathVariable long id, Model model) {
		Project project = projects.get(id);
		model.addAttribute(FORM, ProjectSettingsForm.of(project));
		return page(project, model);
	}

	@PostMapping("/admin/projects/{id}/settings")
	String save(@PathVariable long id, @ModelAttribute(FORM) ProjectSettingsForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		Project project = projects.get(id);
		ProjectChanges changes = form.toChanges(projects.hasRankings(id));
		if (binding.hasErrors() || !forms.validate(changes, binding)) {
			return page(project, model);
		}
		try {
			projects.update(id, changes);
		}
		catch (InvalidInputException e) {
			e.errors().forEach(error -> binding.rejectValue(property(error), "invalid", error.message()));
			return page(project, model);
		}
		catch (ConflictException e) {
			binding.reject("frozen", e.getMessage());
			return page(project, model);
		}
		redirect.addFlashAttribute("saved", "Settings saved.");
		return "redirect:/admin/projects/" + id + "/settings";
	}

	/** The members are exactly the users whose boxes are ticked. */
	@PostMapping("/admin/projects/{id}/members")
	String members(@PathVariable long id, @RequestParam(name = "userIds", required = false) Set<Long> userIds,
			RedirectAttributes redirect) {
		try {
			List<Long> members = projects.replaceMembers(id, userIds == null ? Set.of() : userIds);
			redirect.addFlashAttribute("saved",
					members.size() == 1 ? "1 member saved." : members.size() + " members saved.");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("refused", e.getMessage());
		}
		return "redirect:/admin/projects/" + id + "/settings";
	}

	@PostMapping("/admin/projects/{id}/archive")
	String archive(@PathVariable long id, RedirectAttributes redirect) {
		projects.archive(id, true);
		redirect.addFlashAttribute("saved", "Project archived: it hands out no tasks and labelers no longer see it.");
		return "redirect:/admin/projects/" + id + "/settings";
	}

	@PostMapping("/admin/projects/{id}/unarchive")
	String unarchive(@PathVariable long id, RedirectAttributes redirect) {
		projects.archive(id, false);
		redirect.addFlashAttribute("saved", "Project unarchived: labelers see it again.");
		return "redirect:/admin/projects/" + id + "/settings";
	}

	private String page(Project project, Model model) {
		List<Long> members = projects.membersOf(project.id());
		model.addAttribute("project", project);
		model.addAttribute("frozen", projects.hasRankings(project.id()));
		model.addAttribute("accessChoices", ProjectAccess.values());
		model.addAttribute("members", Set.copyOf(members));
		model.addAttribute("candidates", memberCandidates(members));
		return "admin/project-settings";
	}

	/**
	 * Every labeler, then members who are not labelers (an admin added through the API),
	 * so that saving the page never drops a member unseen.
	 */
	private Map<Long, String> memberCandidates(List<Long> members) {
		Map<Long, String> candidates = new LinkedHashMap<>(usernames.labelers());
		usernames.of(members).forEach(candidates::putIfAbsent);
		return candidates;
	}

	/**
	 * The form property of an API field: {@code max_candidates} → {@code maxCandidates}.
	 */
	private static String property(InputError error) {
		return SNAKE.matcher(error.field()).replaceAll(letter -> letter.group(1).toUpperCase(Locale.ROOT));
	}

}
