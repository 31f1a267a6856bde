package org.ranklab.user;

import jakarta.validation.constraints.NotNull;

/** A user's change of their own password (API and the password page). */
record OwnPasswordChange(@NotNull(message = "is required") String currentPassword,
		@NotNull(message = "is required") @PasswordRule String newPassword) {
}
