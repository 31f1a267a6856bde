package org.ranklab.user;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

	@Query("select u from UserAccount u where lower(u.username) = lower(?1)")
	Optional<UserAccount> findByUsername(String username);

	List<UserAccount> findAllByOrderByUsernameAsc();

	/**
	 * The enabled admins, locked in id order: every change of an account takes these
	 * locks first, so that two admins changing each other at once cannot both remove an
	 * admin (nor deadlock).
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select u from UserAccount u where u.role = org.ranklab.user.Role.ADMIN and u.disabledAt is null order by u.id")
	List<UserAccount> lockEnabledAdmins();

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select u from UserAccount u where u.id = ?1")
	Optional<UserAccount> lockById(long id);

}
