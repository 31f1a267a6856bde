package org.ranklab.user;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.ranklab.web.ConflictException;

/**
 * An admin's page of one account: disable or enable it, change its role, reset its
 * password, see and revoke its tokens. Every action goes back to the page (or to the list
 * it came from) with what happened.
 */
@Controller
class UserAdminPageController {

	private final UserAccounts accounts;

	private final AccountChanges changes;

	private final AccessTokens tokens;

	UserAdminPageController(UserAccounts accounts, AccountChanges changes, AccessTokens tokens) {
		this.accounts = accounts;
		this.changes = changes;
		this.tokens = tokens;
	}

	@GetMapping("/admin/users/{id}")
	String page(@PathVariable long id, Model model) {
		model.addAttribute("user", UserResponse.of(accounts.get(id)));
		model.addAttribute("tokens", tokens.unrevokedTokensOf(id).stream().map(TokenSummary::of).toList());
		return "admin/user";
	}

	@PostMapping("/admin/users/{id}/disable")
	String disable(@AuthenticationPrincipal RankLabUser admin, @PathVariable long id,
			@RequestParam(defaultValue = "user") String back, RedirectAttributes redirect) {
		return apply(admin, id, UserChange.disabled(true), "Account disabled: its sessions, tokens and password "
				+ "no longer work, and its open tasks went back to the queue.", back, redirect);
	}

	@PostMapping("/admin/users/{id}/enable")
	String enable(@AuthenticationPrincipal RankLabUser admin, @PathVariable long id,
			@RequestParam(defaultValue = "user") String back, RedirectAttributes redirect) {
		return apply(admin, id, UserChange.disabled(false), "Account enabled.", back, redirect);
	}

	@PostMapping("/admin/users/{id}/role")
	String role(@AuthenticationPrincipal RankLabUser admin, @PathVariable long id, @RequestParam Role role,
			RedirectAttributes redirect) {
		return apply(admin, id, UserChange.role(role), "Role changed.", "user", redirect);
	}

	@PostMapping("/admin/users/{id}/password")
	String resetPassword(@AuthenticationPrincipal RankLabUser admin, @PathVariable long id,
			@RequestParam(defaultValue = "") String password, RedirectAttributes redirect) {
		var problem = PasswordRule.Check.problemWith(password);
		if (problem.isPresent()) {
			redirect.addFlashAttribute("passwordError", "The password " + problem.get() + ".");
			return toUser(id);
		}
		return apply(admin, id, UserChange.password(password),
				"Password reset: the user's sessions ended; they sign in with the new password.", "user", redirect);
	}

	@PostMapping("/admin/users/{id}/tokens/{tokenId}/revoke")
	String revokeToken(@AuthenticationPrincipal RankLabUser admin, @PathVariable long id, @PathVariable long tokenId,
			RedirectAttributes redirect) {
		tokens.revokeOf(admin, id, tokenId);
		redirect.addFlashAttribute("done", "Token revoked.");
		return toUser(id);
	}

	private String apply(RankLabUser admin, long id, UserChange change, String done, String back,
			RedirectAttributes redirect) {
		try {
			changes.change(admin, id, change);
			redirect.addFlashAttribute("done", done);
		}
		catch (ConflictException refused) {
			redirect.addFlashAttribute("refused", "Not done: " + refused.getMessage() + ".");
		}
		return back.equals("list") ? "redirect:/admin/users" : toUser(id);
	}

	private static String toUser(long id) {
		return "redirect:/admin/users/" + id;
	}

}
