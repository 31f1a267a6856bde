package org.ranklab.user;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user, however they signed in (form, Basic or token). Other modules take
 * it with {@code @AuthenticationPrincipal RankLabUser user}.
 */
public final class RankLabUser implements UserDetails, CredentialsContainer {

	private final long id;

	private final String username;

	private String passwordHash;

	private final Role role;

	private final boolean enabled;

	private final int sessionEpoch;

	RankLabUser(long id, String username, String passwordHash, Role role, boolean enabled, int sessionEpoch) {
		this.id = id;
		this.username = username;
		this.passwordHash = passwordHash;
		this.role = role;
		this.enabled = enabled;
		this.sessionEpoch = sessionEpoch;
	}

	public long id() {
		return id;
	}

	public Role role() {
		return role;
	}

	public boolean isAdmin() {
		return role == Role.ADMIN;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	/**
	 * The account's session epoch when this user signed in: a session whose epoch is no
	 * longer the account's has ended ({@link AccountCheckedSessions}).
	 */
	int sessionEpoch() {
		return sessionEpoch;
	}

	/** The same user with the role the account has now. */
	RankLabUser withRole(Role role) {
		return new RankLabUser(id, username, null, role, enabled, sessionEpoch);
	}

	/** The same user, still signed in after their own change of password. */
	RankLabUser withSessionEpoch(int sessionEpoch) {
		return new RankLabUser(id, username, null, role, enabled, sessionEpoch);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(role.authority()));
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

}
