package org.ranklab.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/**
 * Turns one JSON record into an {@link ImportRecord}, naming every field of the wrong
 * type. Unknown fields are refused too: a misspelt {@code "candidate"} would otherwise
 * silently leave a prompt waiting for generation.
 */
final class JsonRecords {

	private static final Set<String> FIELDS = Set.of("external_id", "prompt", "messages", "candidates", "meta", "gold");

	private static final Set<String> MESSAGE_FIELDS = Set.of("role", "content");

	private static final String MESSAGES_SHAPE = "messages must be an array of {\"role\": \"system\"|\"user\"|"
			+ "\"assistant\", \"content\": \"...\"} objects";

	private static final String GOLD_SHAPE = "gold must be tiers of 0-based candidate indices, best first, such as "
			+ "[[0], [2, 1], [3]]";

	private static final Set<String> CANDIDATE_FIELDS = Set.of("text", "model", "meta");

	private JsonRecords() {
	}

	static Optional<ImportRecord> read(JsonNode node, long line, ImportProblems problems) {
		if (!node.isObject()) {
			problems.add(line, null, "a record must be a JSON object such as {\"prompt\": \"...\", \"candidates\": "
					+ "[\"...\", \"...\"]}, not " + kind(node));
			return Optional.empty();
		}
		long before = problems.count();
		for (String name : node.propertyNames()) {
			if (!FIELDS.contains(name)) {
				problems.add(line, name, "unknown field '" + name
						+ "'; a record has prompt (or messages), candidates, external_id, meta and gold");
			}
		}
		JsonNode prompt = node.get("prompt");
		JsonNode messageArray = node.get("messages");
		boolean conversation = messageArray != null && !messageArray.isNull();
		if (conversation && prompt != null && !prompt.isNull()) {
			problems.add(line, "messages",
					"a record gives either prompt (one text) or messages (a conversation), " + "not both");
		}
		else if (conversation) {
			// checked below
		}
		else if (prompt == null || prompt.isNull()) {
			problems.add(line, "prompt", "prompt is missing");
		}
		else if (!prompt.isString()) {
			problems.add(line, "prompt", "prompt must be a string, not " + kind(prompt));
		}
		List<ChatMessage> messages = conversation ? messages(messageArray, line, problems) : null;
		String externalId = externalId(node.get("external_id"), line, problems);
		String meta = object(node.get("meta"), line, "meta", "meta", problems);
		List<ImportCandidate> candidates = candidates(node.get("candidates"), line, problems);
		List<List<Integer>> gold = gold(node.get("gold"), line, problems);
		if (problems.count() > before) {
			return Optional.empty();
		}
		String text = messages == null ? prompt.stringValue() : Conversations.flatten(messages);
		return Optional.of(new ImportRecord(line, externalId, text, messages, meta, candidates, gold));
	}

	/**
	 * A parser's complaint as a message for people: what is wrong and where on the line.
	 */
	static String malformed(JacksonException e, boolean withLine) {
		String message = e.getOriginalMessage() == null ? "unreadable"
				: e.getOriginalMessage().lines().findFirst().orElse("");
		TokenStreamLocation at = e.getLocation();
		if (at == null || at.getColumnNr() < 1) {
			return "malformed JSON: " + message;
		}
		String where = withLine ? "text line " + at.getLineNr() + ", column " + at.getColumnNr()
				: "column " + at.getColumnNr();
		return "malformed JSON at " + where + ": " + message;
	}

	private static String externalId(JsonNode node, long line, ImportProblems problems) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			problems.add(line, "external_id", "external_id must be a string, not " + kind(node));
			return null;
		}
		if (node.stringValue().isBlank()) {
			problems.add(line, "external_id", "external_id is blank; leave it out instead");
			return null;
		}
		return node.stringValue();
	}

	private static String object(JsonNode node, long line, String field, String name, ImportProblems problems) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isObject()) {
			problems.add(line, field, name + " must be a JSON object, not " + kind(node));
			return null;
		}
		return node.toString();
	}

	/**
	 * The shape of a gold ranking: arrays of whole numbers. Whether they fit the
	 * candidates and the project is {@link RecordChecks}' part.
	 */
	private static List<List<Integer>> gold(JsonNode node, long line, ImportProblems problems) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isArray()) {
			problems.add(line, "gold", GOLD_SHAPE + ", not " + kind(node));
			return null;
		}
		List<List<Integer>> tiers = new ArrayList<>(node.size());
		for (JsonNode tier : node.values()) {
			if (!tier.isArray()) {
				problems.add(line, "gold", GOLD_SHAPE + "; a tier is " + kind(tier));
				return null;
			}
			List<Integer> indices = new ArrayList<>(tier.size());
			for (JsonNode index : tier.values()) {
				if (!index.isIntegralNumber() || !index.canConvertToInt()) {
					problems.add(line, "gold", GOLD_SHAPE + "; " + abbreviated(index) + " is not a candidate index");
					return null;
				}
				indices.add(index.intValue());
			}
			tiers.add(indices);
		}
		return tiers;
	}

	/**
	 * The shape of a conversation: objects with a string role and content. Which roles in
	 * which order is {@link RecordChecks}' part.
	 */
	private static List<ChatMessage> messages(JsonNode node, long line, ImportProblems problems) {
		if (!node.isArray()) {
			problems.add(line, "messages", MESSAGES_SHAPE + ", not " + kind(node));
			return null;
		}
		if (node.isEmpty()) {
			problems.add(line, "messages", "messages is empty; a conversation ends with a user turn");
			return null;
		}
		long before = problems.count();
		List<ChatMessage> messages = new ArrayList<>(node.size());
		int number = 0;
		for (JsonNode element : node.values()) {
			number++;
			String name = "message " + number;
			if (!element.isObject()) {
				problems.add(line, "messages", MESSAGES_SHAPE + "; " + name + " is " + kind(element));
				continue;
			}
			for (String field : element.propertyNames()) {
				if (!MESSAGE_FIELDS.contains(field)) {
					problems.add(line, "messages",
							name + ": unknown field '" + field + "'; a message has role and content");
				}
			}
			JsonNode role = element.get("role");
			JsonNode content = element.get("content");
			if (role == null || !role.isString()) {
				problems.add(line, "messages", name + ": role must be \"system\", \"user\" or \"assistant\"");
			}
			if (content == null || !content.isString()) {
				problems.add(line, "messages", name + ": content must be a string"
						+ (content == null || content.isNull() ? "" : ", not " + kind(content)));
			}
			if (problems.count() == before) {
				messages.add(new ChatMessage(role.stringValue(), content.stringValue()));
			}
		}
		return problems.count() == before ? List.copyOf(messages) : null;
	}

	private static String abbreviated(JsonNode node) {
		String text = node.toString();
		return text.length() > 40 ? text.substring(0, 40) + "…" : text;
	}

	private static List<ImportCandidate> candidates(JsonNode node, long line, ImportProblems problems) {
		if (node == null || node.isNull()) {
			return List.of();
		}
		if (!node.isArray()) {
			problems.add(line, "candidates",
					"candidates must be an array of strings or {\"text\": ...} objects, not " + kind(node));
			return List.of();
		}
		List<ImportCandidate> candidates = new ArrayList<>(node.size());
		int number = 0;
		for (JsonNode element : node.values()) {
			number++;
			if (element.isString()) {
				candidates.add(ImportCandidate.of(element.stringValue()));
			}
			else if (element.isObject()) {
				candidate(element, "candidate " + number, line, problems).ifPresent(candidates::add);
			}
			else {
				problems.add(line, "candidates", "candidate " + number + " must be a string or an object with "
						+ "\"text\", not " + kind(element));
			}
		}
		return candidates;
	}

	private static Optional<ImportCandidate> candidate(JsonNode node, String name, long line, ImportProblems problems) {
		long before = problems.count();
		for (String field : node.propertyNames()) {
			if (!CANDIDATE_FIELDS.contains(field)) {
				problems.add(line, "candidates",
						name + ": unknown field '" + field + "'; a candidate has text, " + "model and meta");
			}
		}
		JsonNode text = node.get("text");
		if (text == null || text.isNull()) {
			problems.add(line, "candidates", name + " has no \"text\"");
		}
		else if (!text.isString()) {
			problems.add(line, "candidates", name + ": text must be a string, not " + kind(text));
		}
		JsonNode model = node.get("model");
		if (model != null && !model.isNull() && !model.isString()) {
			problems.add(line, "candidates", name + ": model must be a string, not " + kind(model));
		}
		String meta = object(node.get("meta"), line, "candidates", name + ": meta", problems);
		if (problems.count() > before) {
			return Optional.empty();
		}
		String modelName = model == null || model.isNull() ? null : model.stringValue();
		return Optional.of(new ImportCandidate(text.stringValue(), modelName, meta));
	}

	private static String kind(JsonNode node) {
		if (node.isString()) {
			return "a string";
		}
		if (node.isNumber()) {
			return "a number";
		}
		if (node.isBoolean()) {
			return node.asString();
		}
		if (node.isArray()) {
			return "an array";
		}
		if (node.isObject()) {
			return "an object";
		}
		return "null";
	}

}
