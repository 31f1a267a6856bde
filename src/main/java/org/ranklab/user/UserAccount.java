package org.ranklab.user;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "users")
class UserAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	@Column(name = "password_hash")
	private String passwordHash;

	@Enumerated(EnumType.STRING)
	private Role role;

	@Column(name = "created_at", updatable = false)
	private Instant createdAt;

	@Column(name = "disabled_at")
	private Instant disabledAt;

	@Column(name = "session_epoch")
	private int sessionEpoch;

	protected UserAccount() {
	}

	UserAccount(String username, String passwordHash, Role role) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.role = role;
		this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	Long getId() {
		return id;
	}

	String getUsername() {
		return username;
	}

	String getPasswordHash() {
		return passwordHash;
	}

	Role getRole() {
		return role;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

	int getSessionEpoch() {
		return sessionEpoch;
	}

	boolean isDisabled() {
		return disabledAt != null;
	}

	boolean isEnabledAdmin() {
		return role == Role.ADMIN && !isDisabled();
	}

	void disable() {
		if (disabledAt == null) {
			disabledAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
			endSessions();
		}
	}

	void enable() {
		disabledAt = null;
	}

	void changeRole(Role role) {
		this.role = role;
	}

	/** A new password ends every session signed in with the old one. */
	void changePassword(String passwordHash) {
		this.passwordHash = passwordHash;
		endSessions();
	}

	private void endSessions() {
		sessionEpoch++;
	}

	RankLabUser toPrincipal() {
		return new RankLabUser(id, username, passwordHash, role, !isDisabled(), sessionEpoch);
	}

}
