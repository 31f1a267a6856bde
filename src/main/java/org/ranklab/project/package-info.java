/**
 * Projects: their settings, the admin's project pages and the overview page.
 * <p>
 * Owns the table {@code projects}.
 * <p>
 * Publishes {@link org.ranklab.project.Projects} (find a project or answer {@code 404})
 * and {@link org.ranklab.project.Project}. Progress and rankings per day come from the
 * modules that own prompts and rankings through the interfaces
 * {@link org.ranklab.project.ProjectProgressSource} and
 * {@link org.ranklab.project.DailyRankingsSource}, which they implement, so that this
 * module depends on none of them.
 */
@ApplicationModule(allowedDependencies = "web")
package org.ranklab.project;

import org.springframework.modulith.ApplicationModule;
