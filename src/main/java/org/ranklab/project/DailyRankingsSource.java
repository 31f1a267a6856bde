package org.ranklab.project;

import java.time.LocalDate;
import java.util.List;

/**
 * Counts a project's rankings per day for the overview's chart. The module that stores
 * rankings provides it, as it does {@link ProjectProgressSource}, so that this module
 * depends on none.
 */
public interface DailyRankingsSource {

	/** Days with at least one ranking, oldest first. */
	List<Day> rankingsPerDay(long projectId);

	/** Rankings submitted on one day (UTC). */
	record Day(LocalDate day, long rankings) {
	}

}
