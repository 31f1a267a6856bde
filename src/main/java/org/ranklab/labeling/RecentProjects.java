package org.ranklab.labeling;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import org.ranklab.project.Project;
import org.ranklab.project.ProjectChanged;
import org.ranklab.project.Projects;

/**
 * Project settings as labeling reads them on every call: kept for a few seconds, so that
 * the hot path neither opens a JPA session nor spends a transaction on settings that
 * change rarely. A change made through this instance shows at once (its entry is dropped
 * when the change commits); one made through another instance within {@link #FRESH_FOR}.
 */
@Component
class RecentProjects {

	static final Duration FRESH_FOR = Duration.ofSeconds(5);

	private final Projects projects;

	private final Map<Long, Loaded> loaded = new ConcurrentHashMap<>();

	/** Changes committed so far: a load that a change overtook is not kept. */
	private final AtomicLong changes = new AtomicLong();

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
		long changesBefore = changes.get();
		Loaded fresh = new Loaded(projects.get(id), now);
		loaded.put(id, fresh);
		if (changes.get() != changesBefore) {
			// A change committed while this was read: what was read may predate it.
			loaded.remove(id, fresh);
		}
		return fresh.project();
	}

	/** After the change commits: the next call reads the project anew. */
	@TransactionalEventListener
	void forget(ProjectChanged changed) {
		changes.incrementAndGet();
		loaded.remove(changed.after().id());
	}

}
