package org.ranklab.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

interface AccessTokenRepository extends ListCrudRepository<AccessToken, Long> {

	/**
	 * The owner of a token that works at {@code now}: not revoked, not expired, its
	 * account not disabled. One statement, the one every Bearer call makes anyway.
	 */
	@Query("""
			select u from AccessToken t join UserAccount u on u.id = t.userId
			where t.tokenHash = ?1 and t.revokedAt is null and (t.expiresAt is null or t.expiresAt > ?2)
			  and u.disabledAt is null""")
	Optional<UserAccount> findOwnerOfLiveToken(String tokenHash, Instant now);

	List<AccessToken> findByUserIdAndRevokedAtIsNullOrderByCreatedAtDesc(long userId);

	/**
	 * Records use at most once a minute, so authenticating stays a read on the hot path.
	 */
	@Modifying
	@Query(nativeQuery = true, value = """
			UPDATE access_tokens SET last_used_at = now()
			WHERE token_hash = ?1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')""")
	void touch(String tokenHash);

}
