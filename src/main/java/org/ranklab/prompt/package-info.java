/**
 * Prompts and their candidate responses: import (NDJSON, JSON, CSV, upload), the paged
 * listing, and generation of candidates by a model server (in {@code generation}, as a
 * job of the {@code jobs} module).
 * <p>
 * Owns the tables {@code prompts} (with the known ranking of gold prompts and the turns
 * of conversation prompts) and {@code candidates}.
 * <p>
 * Publishes {@link org.ranklab.prompt.PromptTexts}: a stream of prompts with their
 * candidates for given prompt ids, in their order, which export, quality and training
 * read beside labeling's rankings; {@link org.ranklab.prompt.GoldRankings}, the gold
 * prompts' known rankings, for quality; the event {@link org.ranklab.prompt.PromptsReady}
 * when prompts get their candidates (naming the gold ones), inside the transaction that
 * stores them; and the prompt counts of {@code project}'s progress. Reads no other
 * module's table.
 */
@ApplicationModule(allowedDependencies = { "jobs", "outbound", "project", "user", "web" })
package org.ranklab.prompt;

import org.springframework.modulith.ApplicationModule;
