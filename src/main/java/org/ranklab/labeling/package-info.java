/**
 * Labeling: hands prompts out to labelers under leases, takes their rankings and skips,
 * and serves the ranking page and the labeler's start page.
 * <p>
 * Owns the tables {@code prompt_slots} (one row per ready prompt: the lock and counter of
 * hand-out), {@code assignments}, {@code labelers} (a stable pseudonym per user, given on
 * their first ranking or skip) and {@code rankings} (append-only).
 * <p>
 * Publishes {@link org.ranklab.labeling.SubmittedRankings} (streams of a project's
 * submitted rankings in prompt order, with the labeler's pseudonym, for export, quality
 * and training) and {@link org.ranklab.labeling.Labelers} (what each labeler did, for
 * quality), and contributes to {@code project}'s progress and rankings per day. Listens
 * to prompt's {@link org.ranklab.prompt.PromptsReady} and opens those prompts' slots in
 * the same transaction.
 * <p>
 * SQL across modules that stays for speed, on the hot path of handing out a task:
 * {@code Assignments} reads prompt's {@code candidates} (the ids to shuffle into a new
 * lease, in the same INSERT) and {@code prompts}/{@code candidates} (the task's texts),
 * one statement each instead of a call per prompt; {@code Rankings} reads project's
 * {@code projects.rankings_per_prompt} in the statement that counts a ranking, so that a
 * prompt is marked complete by the setting committed now, not by one cached before a
 * change. Listens to project's {@link org.ranklab.project.ProjectChanged} and reopens or
 * closes slots when {@code rankings_per_prompt} changes, in the same transaction.
 */
@ApplicationModule(allowedDependencies = { "project", "prompt", "ranking", "user", "web" })
package org.ranklab.labeling;

import org.springframework.modulith.ApplicationModule;
