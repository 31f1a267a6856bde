package org.ranklab.user;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import org.ranklab.web.FormValidation;
import org.ranklab.web.InvalidInputException;

/**
 * Where a signed-in user, labeler or admin, changes their own password. The page stays
 * signed in; the user's other sessions end.
 */
@Controller
class PasswordPageController {

	private static final String PAGE = "account/password";

	private final OwnPasswords passwords;

	private final AccountCheckedSessions sessions;

	private final FormValidation forms;

	PasswordPageController(OwnPasswords passwords, AccountCheckedSessions sessions, FormValidation forms) {
		this.passwords = passwords;
		this.sessions = sessions;
		this.forms = forms;
	}

	@GetMapping("/account/password")
	String page(Model model) {
		model.addAttribute("passwordForm", new PasswordForm());
		return PAGE;
	}

	/**
	 * Answers with the page itself, saying what happened (password fields are never
	 * filled in again).
	 */
	@PostMapping("/account/password")
	String change(@AuthenticationPrincipal RankLabUser user, @ModelAttribute PasswordForm form, BindingResult binding,
			HttpServletRequest request, Model model) {
		OwnPasswordChange change = form.toChange();
		if (forms.validate(change, binding) && !form.repeatedRight()) {
			binding.rejectValue("repeatedPassword", "different", "is not the same as the new password");
		}
		if (!binding.hasErrors()) {
			try {
				int sessionEpoch = passwords.change(user, change, request.getRemoteAddr());
				sessions.keepSignedIn(request, user, sessionEpoch);
				model.addAttribute("changed", true);
			}
			catch (InvalidInputException wrongCurrent) {
				binding.rejectValue("currentPassword", "wrong", "is not your current password");
			}
			catch (LoginThrottled throttled) {
				binding.reject("throttled", "Too many wrong passwords. Please wait " + throttled.retryAfterSeconds()
						+ " s before you try again.");
			}
		}
		return PAGE;
	}

}
