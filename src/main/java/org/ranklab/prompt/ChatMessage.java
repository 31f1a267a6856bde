package org.ranklab.prompt;

/**
 * One turn of a conversation prompt, as an import record gives it and as an
 * OpenAI-compatible chat API takes it.
 *
 * @param role {@code system}, {@code user} or {@code assistant}
 */
public record ChatMessage(String role, String content) {

	public static final String SYSTEM = "system";

	public static final String USER = "user";

	public static final String ASSISTANT = "assistant";

}
