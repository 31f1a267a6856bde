/**
 * Prompts and their candidate responses: import (NDJSON, JSON, CSV, upload), the paged
 * listing, generation of candidates by a model server (in {@code generation}), and for
 * now the background job system (in {@code jobs}).
 * <p>
 * Owns the tables {@code prompts} and {@code candidates} (and, while the job system lives
 * here, {@code jobs} and db-scheduler's {@code scheduled_tasks}).
 * <p>
 * Publishes {@link org.ranklab.prompt.PromptTexts}: a stream of prompts with their
 * candidates for given prompt ids, in their order, which export, quality and training
 * read beside labeling's rankings; and contributes the prompt counts of {@code project}'s
 * progress. Reads no other module's table.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "project", "user", "web" })
package org.ranklab.prompt;
