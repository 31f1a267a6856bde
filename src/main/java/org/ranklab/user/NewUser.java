package org.ranklab.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A user to create, from the API or the admin page. */
record NewUser(
		@NotBlank(message = "must not be blank") @Size(max = 64, message = "must be at most 64 characters") @Pattern(
				regexp = "\\s*[\\p{L}\\p{N}._@-]*\\s*",
				message = "may contain only letters, digits and . _ @ -") String username,
		@NotNull(message = "is required") @PasswordRule String password,
		@NotNull(message = "is required; one of ADMIN, LABELER") Role role) {
}
