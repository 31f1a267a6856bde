/**
 * Projects: their settings, the admin's project pages and the overview page.
 * <p>
 * Owns the tables {@code projects}, {@code project_guidelines} (every version of the
 * guidelines) and {@code project_members}.
 * <p>
 * Publishes {@link org.ranklab.project.Projects} (find a project or answer {@code 404})
 * and {@link org.ranklab.project.Project} with its enums,
 * {@link org.ranklab.project.ProjectAccessPolicy} (who may label a project: the one
 * reader of membership, asked by labeling and scoring), and the event
 * {@link org.ranklab.project.ProjectChanged}. Admin actions on projects and their members
 * are written to the audit log. Progress and rankings per day come from the modules that
 * own prompts and rankings through the interfaces
 * {@link org.ranklab.project.ProjectProgressSource} and
 * {@link org.ranklab.project.DailyRankingsSource}, which they implement, so that this
 * module depends on none of them.
 */
@ApplicationModule(allowedDependencies = { "audit", "user", "web" })
package org.ranklab.project;

import org.springframework.modulith.ApplicationModule;
