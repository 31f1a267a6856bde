package org.ranklab.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conversation prompts as text: the readable flattening stored as the prompt's
 * {@code text} ("User: …\n\nAssistant: …"), the end of it that reward models read, and
 * the JSON of the stored {@code messages}.
 */
public final class Conversations {

	private static final Map<String, String> MARKERS = Map.of(ChatMessage.SYSTEM, "System", ChatMessage.USER, "User",
			ChatMessage.ASSISTANT, "Assistant");

	private static final String BETWEEN_TURNS = "\n\n";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Conversations() {
	}

	/** Every turn with its role marker, blank lines between turns. */
	public static String flatten(List<ChatMessage> messages) {
		StringBuilder text = new StringBuilder();
		for (ChatMessage message : messages) {
			if (!text.isEmpty()) {
				text.append(BETWEEN_TURNS);
			}
			text.append(turn(message));
		}
		return text.toString();
	}

	/**
	 * The flattening of the last turns that fit in {@code maxChars}: whole turns from the
	 * end, earlier ones dropped, so that what a reward model reads ends with the turn the
	 * responses answer. When even the last turn is longer, its end, behind its marker.
	 */
	public static String lastTurns(List<ChatMessage> messages, int maxChars) {
		List<String> kept = new ArrayList<>();
		int length = 0;
		for (int i = messages.size() - 1; i >= 0; i--) {
			String turn = turn(messages.get(i));
			int added = turn.length() + (kept.isEmpty() ? 0 : BETWEEN_TURNS.length());
			if (length + added > maxChars) {
				if (kept.isEmpty()) {
					String marker = MARKERS.getOrDefault(messages.get(i).role(), messages.get(i).role()) + ": …";
					String content = messages.get(i).content();
					int room = Math.max(0, maxChars - marker.length());
					kept.add(marker + content.substring(Math.max(0, content.length() - room)));
				}
				break;
			}
			kept.add(0, turn);
			length += added;
		}
		return String.join(BETWEEN_TURNS, kept);
	}

	/** The stored form: a JSON array of {@code {"role", "content"}}. */
	static String toJson(List<ChatMessage> messages) {
		StringBuilder json = new StringBuilder("[");
		JsonStringEncoder quote = JsonStringEncoder.getInstance();
		for (ChatMessage message : messages) {
			if (json.length() > 1) {
				json.append(',');
			}
			json.append("{\"role\":\"");
			quote.quoteAsString(message.role(), json);
			json.append("\",\"content\":\"");
			quote.quoteAsString(message.content(), json);
			json.append("\"}");
		}
		return json.append(']').toString();
	}

	/** The messages of a stored JSON array; {@code null} for a single-text prompt. */
	public static List<ChatMessage> fromJson(String json) {
		if (json == null) {
			return null;
		}
		JsonNode array = JSON.readTree(json);
		List<ChatMessage> messages = new ArrayList<>(array.size());
		for (JsonNode message : array.values()) {
			messages.add(new ChatMessage(message.path("role").asString(), message.path("content").asString()));
		}
		return List.copyOf(messages);
	}

	private static String turn(ChatMessage message) {
		return MARKERS.getOrDefault(message.role(), message.role()) + ": " + message.content();
	}

}
