/**
 * Labeling: hands prompts out to labelers under leases, takes their rankings and skips,
 * and serves the ranking page and the labeler's start page.
 * <p>
 * Owns the tables {@code prompt_slots} (one row per ready prompt: the lock and counter of
 * hand-out, marked for gold prompts), {@code assignments}, {@code labelers} (a stable
 * pseudonym per user, given on their first ranking or skip), {@code rankings}
 * (append-only) and {@code labeler_exclusions} (labelers an admin took out of a project:
 * their rankings count nowhere, they get no tasks there).
 * <p>
 * Publishes {@link org.ranklab.labeling.SubmittedRankings} (streams of a project's
 * submitted rankings in prompt order, with the labeler's pseudonym, for export, quality
 * and training: never those of gold prompts, and those of excluded labelers only when
 * asked for; the gold prompts' rankings apart) and {@link org.ranklab.labeling.Labelers}
 * (what each labeler did, for quality), {@link org.ranklab.labeling.ModelMargins} (the
 * newest model's margin per open prompt, for handing out by uncertainty) and, inside the
 * transaction that stores a ranking, the events
 * {@link org.ranklab.labeling.RankingSubmitted},
 * {@link org.ranklab.labeling.PromptCompleted} and
 * {@link org.ranklab.labeling.ProjectCompleted}; it contributes to {@code project}'s
 * progress and rankings per day. Listens to prompt's
 * {@link org.ranklab.prompt.PromptsReady} and opens those prompts' slots in the same
 * transaction, and to user's {@link org.ranklab.user.UserDisabled} and releases that
 * user's open leases in the same transaction. Exclusions are admin actions, written to
 * the audit log in their transaction.
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
@ApplicationModule(allowedDependencies = { "audit", "project", "prompt", "ranking", "user", "web" })
package org.ranklab.labeling;

import org.springframework.modulith.ApplicationModule;
