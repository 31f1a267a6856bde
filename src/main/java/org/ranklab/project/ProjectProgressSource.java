package org.ranklab.project;

/**
 * Counts part of a project's progress. Each module that owns prompts or rankings
 * contributes the figures it knows (the rest zero) and {@link Projects} adds them up, so
 * this module depends on none.
 */
public interface ProjectProgressSource {

	ProjectProgress progressOf(long projectId);

}
