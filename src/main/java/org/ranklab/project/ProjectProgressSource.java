package org.ranklab.project;

/**
 * Counts a project's progress. Implemented by the module that owns prompts and rankings, so this module
 * depends on none of them.
 */
public interface ProjectProgressSource {

	ProjectProgress progressOf(long projectId);

}
