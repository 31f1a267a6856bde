package org.ranklab.project;

/** A project with its progress, as the pages list them. */
record ProjectRow(Project project, ProjectProgress progress) {
}
