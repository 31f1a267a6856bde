package org.ranklab.project;

/**
 * A project's settings changed (edited, archived or unarchived). Published in the
 * transaction that changes them, so that listeners (labeling reopens or closes prompt
 * slots when {@code rankings_per_prompt} changes) change their rows with it.
 */
public record ProjectChanged(Project before, Project after) {
}
