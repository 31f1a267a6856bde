package org.ranklab.user;

/**
 * An admin's change to an account (API {@code PATCH /users/{id}} and the user's page):
 * each field {@code null} when it stays as it is.
 */
record UserChange(Boolean disabled, @PasswordRule String password, Role role) {

	static UserChange disabled(boolean disabled) {
		return new UserChange(disabled, null, null);
	}

	static UserChange password(String password) {
		return new UserChange(null, password, null);
	}

	static UserChange role(Role role) {
		return new UserChange(null, null, role);
	}

}
