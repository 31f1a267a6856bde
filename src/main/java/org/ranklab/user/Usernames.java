package org.ranklab.user;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Usernames by user id, for the admin pages of other modules (the quality page shows who
 * each labeler is, the project page lists labelers to pick members from).
 */
@Service
public class Usernames {

	private final UserAccountRepository users;

	Usernames(UserAccountRepository users) {
		this.users = users;
	}

	/** The usernames of the users that exist among these ids. */
	@Transactional(readOnly = true)
	public Map<Long, String> of(Collection<Long> userIds) {
		Map<Long, String> usernames = new HashMap<>();
		users.findAllById(userIds).forEach(user -> usernames.put(user.getId(), user.getUsername()));
		return usernames;
	}

	/** Every labeler's username by id, in the order of the usernames. */
	@Transactional(readOnly = true)
	public Map<Long, String> labelers() {
		Map<Long, String> usernames = new LinkedHashMap<>();
		users.findAllByOrderByUsernameAsc()
			.stream()
			.filter(user -> user.getRole() == Role.LABELER)
			.forEach(user -> usernames.put(user.getId(), user.getUsername()));
		return usernames;
	}

}
