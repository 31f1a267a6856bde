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

	@Column(name = "expires_at", updatable = false)
	private Instant expiresAt;

	/** Written by {@link AccessTokens#authenticate} only. */
	@Column(name = "last_used_at", insertable = false, updatable = false)
	private Instant lastUsedAt;

	protected AccessToken() {
	}

	/**
	 * @param expiresAt when it stops working; {@code null}: never
	 */
	AccessToken(long userId, String name, String tokenHash, Instant expiresAt) {
		this.userId = userId;
		this.name = name;
		this.tokenHash = tokenHash;
		this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		this.expiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MICROS);
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

	Instant getExpiresAt() {
		return expiresAt;
	}

	Instant getLastUsedAt() {
		return lastUsedAt;
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
