package org.ranklab.prompt;

/**
 * What an import stored: prompts added (those without candidates wait for generation) and
 * skipped repeats.
 */
record ImportResult(long imported, long duplicates, long waitingForGeneration) {
}
