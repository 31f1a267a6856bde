package org.ranklab.user;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An admin's view of a user's tokens, and their revocation. */
@RestController
@RequestMapping("/api/v1/users/{id}/tokens")
class UserTokenController {

	private final UserAccounts accounts;

	private final AccessTokens tokens;

	UserTokenController(UserAccounts accounts, AccessTokens tokens) {
		this.accounts = accounts;
		this.tokens = tokens;
	}

	/** The user's tokens that are not revoked (expired ones too), newest first. */
	@GetMapping
	List<TokenSummary> list(@PathVariable long id) {
		accounts.get(id); // 404 for an unknown user, not an empty list
		return tokens.unrevokedTokensOf(id).stream().map(TokenSummary::of).toList();
	}

	@DeleteMapping("/{tokenId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@AuthenticationPrincipal RankLabUser admin, @PathVariable long id, @PathVariable long tokenId) {
		tokens.revokeOf(admin, id, tokenId);
	}

}
