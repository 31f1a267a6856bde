package org.ranklab.project;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface ProjectRepository extends ListCrudRepository<ProjectEntity, Long> {

	List<ProjectEntity> findAllByOrderByIdDesc();

}
