package org.ranklab.user;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.ranklab.web.ConflictException;
import org.ranklab.web.FormValidation;

@Controller
class UserPageController {

	private final UserAccounts accounts;

	private final FormValidation forms;

	UserPageController(UserAccounts accounts, FormValidation forms) {
		this.accounts = accounts;
		this.forms = forms;
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/admin/users")
	String list(Model model) {
		model.addAttribute("users", accounts.all().stream().map(UserResponse::of).toList());
		return "admin/users";
	}

	@GetMapping("/admin/users/new")
	String form(Model model) {
		model.addAttribute("userForm", new UserForm());
		return "admin/user-form";
	}

	@PostMapping("/admin/users")
	String create(@ModelAttribute UserForm form, BindingResult binding, RedirectAttributes redirect) {
		NewUser user = form.toNewUser();
		if (!forms.validate(user, binding)) {
			return "admin/user-form";
		}
		try {
			redirect.addFlashAttribute("created", accounts.create(user).getUsername());
			return "redirect:/admin/users";
		}
		catch (ConflictException e) {
			binding.rejectValue("username", "taken", e.getMessage());
			return "admin/user-form";
		}
	}

}
