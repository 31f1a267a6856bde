package org.ranklab.user;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "access_tokens")
class AccessToken {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "user_id")
	private long userId;

	private String name;

	@Column(name = "token_hash")
	private String tokenHash;

	@Column(name = "created_at", updatable = false)
	private Instant createdAt;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	protected AccessToken() {
	}

	AccessToken(long userId, String name, String tokenHash) {
		this.userId = userId;
		this.name = name;
		this.tokenHash = tokenHash;
		this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	Long getId() {
		return id;
	}

	long getUserId() {
		return userId;
	}

	String getName() {
		return name;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

	boolean isRevoked() {
		return revokedAt != null;
	}

	void revoke() {
		if (revokedAt == null) {
			revokedAt = Instant.now();
		}
	}

}
