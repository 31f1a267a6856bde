package org.ranklab.training;

import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import org.ranklab.project.Projects;
import org.ranklab.training.engine.RewardModel;
import org.ranklab.web.NotFoundException;

/**
 * Finds stored reward models and scores responses with them (loaded once, then cached).
 */
@Service
class RewardModels {

	private final RewardModelStore store;

	private final RewardModelCache cache;

	private final Projects projects;

	RewardModels(RewardModelStore store, RewardModelCache cache, Projects projects) {
		this.store = store;
		this.cache = cache;
		this.projects = projects;
	}

	RewardModelInfo get(long id) {
		return store.find(id).orElseThrow(() -> new NotFoundException("reward model", id));
	}

	List<RewardModelInfo> recent(long projectId, int limit) {
		projects.get(projectId);
		return store.recent(projectId, limit);
	}

	byte[] artifact(long id) {
		return store.artifact(id).orElseThrow(() -> new NotFoundException("reward model", id));
	}

	/**
	 * The project's newest model (of a run that succeeded: only those store one), or a
	 * 404.
	 */
	long newest(long projectId) {
		projects.get(projectId);
		return store.newest(projectId).orElseThrow(() -> new NotFoundException("reward model of project", projectId));
	}

	double[] score(long id, ScoreRequest request) {
		request.validate();
		return cache.with(id, this::load, model -> model.score(request.prompt(), request.responses()));
	}

	/** Applies {@code use} to the loaded model (cached). */
	<T> T with(long id, Function<RewardModel, T> use) {
		return cache.with(id, this::load, use);
	}

	private RewardModel load(long id) {
		return RewardModel.load(artifact(id));
	}

}
