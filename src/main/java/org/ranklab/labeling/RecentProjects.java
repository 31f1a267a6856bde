package org.ranklab.labeling;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import org.ranklab.project.Project;
import org.ranklab.project.Projects;

/**
 * Project settings as labeling reads them on every call: kept for a few seconds, so that
 * the hot path neither opens a JPA session nor spends a transaction on settings that
 * change rarely (a change shows within {@link #FRESH_FOR}).
 */
@Component
class RecentProjects {

	static final Duration FRESH_FOR = Duration.ofSeconds(5);

	private final Projects projects;

	private final Map<Long, Loaded> loaded = new ConcurrentHashMap<>();

	RecentProjects(Projects projects) {
		this.projects = projects;
	}

	private record Loaded(Project project, long atNanos) {
	}

	/** The project, or a {@code 404}. */
	Project get(long id) {
		long now = System.nanoTime();
		Loaded recent = loaded.get(id);
		if (recent != null && now - recent.atNanos() < FRESH_FOR.toNanos()) {
			return recent.project();
		}
		Project project = projects.get(id);
		loaded.put(id, new Loaded(project, now));
		return project;
	}

}
