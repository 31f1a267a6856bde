package org.ranklab.user;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
class UserController {

	private final UserAccounts accounts;

	private final AccountChanges changes;

	private final OwnPasswords ownPasswords;

	private final AccountCheckedSessions sessions;

	UserController(UserAccounts accounts, AccountChanges changes, OwnPasswords ownPasswords,
			AccountCheckedSessions sessions) {
		this.accounts = accounts;
		this.changes = changes;
		this.ownPasswords = ownPasswords;
		this.sessions = sessions;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	UserResponse create(@Valid @RequestBody NewUser user) {
		return UserResponse.of(accounts.create(user));
	}

	@GetMapping
	List<UserResponse> list() {
		return accounts.all().stream().map(UserResponse::of).toList();
	}

	/**
	 * Disables or enables the account, changes its role or resets its password. Refused
	 * with 409 for the caller's own account (disable) and for the last enabled admin.
	 */
	@PatchMapping("/{id}")
	UserResponse change(@AuthenticationPrincipal RankLabUser admin, @PathVariable long id,
			@Valid @RequestBody UserChange change) {
		return UserResponse.of(changes.change(admin, id, change));
	}

	/**
	 * The caller's own password. A wrong {@code current_password} is a 400 naming it, and
	 * counts as a failed sign-in (429 once throttled). Ends the caller's other sessions;
	 * the one this call came from, if any, stays signed in.
	 */
	@PutMapping("/me/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void changeOwnPassword(@AuthenticationPrincipal RankLabUser user, @Valid @RequestBody OwnPasswordChange change,
			HttpServletRequest request) {
		int sessionEpoch = ownPasswords.change(user, change, request.getRemoteAddr());
		sessions.keepSignedIn(request, user, sessionEpoch);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> throttled(LoginThrottled throttled) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, throttled.getMessage());
		problem.setTitle("Too Many Requests");
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header("Retry-After", Long.toString(throttled.retryAfterSeconds()))
			.body(problem);
	}

}
