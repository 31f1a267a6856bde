package org.ranklab.user;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface AccessTokenRepository extends ListCrudRepository<AccessToken, Long> {

	List<AccessToken> findByUserIdAndRevokedAtIsNullOrderByCreatedAtDesc(long userId);

}
