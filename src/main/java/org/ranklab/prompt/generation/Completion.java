package org.ranklab.prompt.generation;

/** One choice of a chat-completions answer. */
record Completion(String text, String finishReason, String servedModel) {
}
