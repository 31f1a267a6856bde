package org.ranklab.project;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProjectRepository extends JpaRepository<ProjectEntity, Long> {

	List<ProjectEntity> findAllByOrderByIdDesc();

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<ProjectEntity> findForUpdateById(long id);

}
