package org.ranklab.project;

/**
 * How far a project is: prompts imported, prompts with their candidates (ready to rank),
 * prompts with all the rankings they need, and rankings submitted.
 */
public record ProjectProgress(long prompts, long promptsReady, long promptsComplete, long rankings) {

	public static final ProjectProgress NONE = new ProjectProgress(0, 0, 0, 0);

	public ProjectProgress plus(ProjectProgress other) {
		return new ProjectProgress(prompts + other.prompts, promptsReady + other.promptsReady,
				promptsComplete + other.promptsComplete, rankings + other.rankings);
	}

}
