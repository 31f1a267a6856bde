package org.ranklab.user;

import java.time.Instant;

record UserResponse(String id, String username, Role role, Instant createdAt, boolean disabled) {

	static UserResponse of(UserAccount account) {
		return new UserResponse(account.getId().toString(), account.getUsername(), account.getRole(),
				account.getCreatedAt(), account.isDisabled());
	}

}
