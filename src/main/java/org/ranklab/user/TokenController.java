package org.ranklab.user;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tokens")
class TokenController {

	private final AccessTokens tokens;

	TokenController(AccessTokens tokens) {
		this.tokens = tokens;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	IssuedToken create(@AuthenticationPrincipal RankLabUser user, @Valid @RequestBody NewToken request) {
		return tokens.issue(user, request.name(), request.expiresInDays());
	}

	/**
	 * The caller's tokens that are not revoked (expired ones too), without their secrets.
	 */
	@GetMapping
	List<TokenSummary> list(@AuthenticationPrincipal RankLabUser user) {
		return tokens.unrevokedTokensOf(user.id()).stream().map(TokenSummary::of).toList();
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@AuthenticationPrincipal RankLabUser user, @PathVariable long id) {
		tokens.revoke(user, id);
	}

	record NewToken(
			@NotBlank(message = "must not be blank") @Size(max = 100,
					message = "must be at most 100 characters") String name,
			@Schema(description = "days until the token stops working; without it, it works until revoked") @Min(
					value = 1, message = "must be between 1 and " + MAX_DAYS) @Max(value = MAX_DAYS,
							message = "must be between 1 and " + MAX_DAYS) Integer expiresInDays) {

		static final int MAX_DAYS = 365;

	}

}
