package org.ranklab.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.json.JsonMapper;

import org.ranklab.prompt.PromptText;
import org.ranklab.ranking.Tiers;

/**
 * Writes preference pairs,
 * {@code {"prompt","chosen","rejected","prompt_id","chosen_id","rejected_id"}}, one per
 * line: texts for a single-text prompt, and for a conversation TRL's conversational form
 * ({@code "prompt"} its messages, {@code "chosen"} and {@code "rejected"} each one
 * assistant message). A prompt's texts are escaped once and every pair copies the bytes:
 * pairs repeat the same few texts many times, and escaping them again for each pair would
 * be most of the export's work.
 */
final class PairLines {

	private static final byte[] PROMPT = ascii("{\"prompt\":");

	private static final byte[] CHOSEN = ascii(",\"chosen\":");

	private static final byte[] REJECTED = ascii(",\"rejected\":");

	private static final byte[] PROMPT_ID = ascii(",\"prompt_id\":\"");

	private static final byte[] QUOTE = ascii("\"");

	private static final byte[] ASSISTANT = ascii("[{\"role\":\"assistant\",\"content\":\"");

	private static final byte[] END_OF_MESSAGE = ascii("\"}]");

	private static final byte[] CHOSEN_ID = ascii("\",\"chosen_id\":\"");

	private static final byte[] REJECTED_ID = ascii("\",\"rejected_id\":\"");

	private static final byte[] END = ascii("\"}\n");

	private final OutputStream out;

	private final byte[] prompt;

	private final byte[] promptId;

	private final Map<Long, byte[]> texts = new HashMap<>();

	private final Map<Long, byte[]> ids = new HashMap<>();

	/**
	 * The pairs of one prompt.
	 * @param json writes a conversation's messages
	 */
	PairLines(PromptText prompt, OutputStream out, JsonMapper json) {
		this.out = out;
		boolean conversation = prompt.conversation();
		this.prompt = conversation ? json.writeValueAsBytes(prompt.messages()) : quoted(prompt.text());
		this.promptId = ascii(Long.toString(prompt.id()));
		for (PromptText.Candidate candidate : prompt.candidates()) {
			texts.put(candidate.id(), conversation ? concat(ASSISTANT, escaped(candidate.text()), END_OF_MESSAGE)
					: quoted(candidate.text()));
			ids.put(candidate.id(), ascii(Long.toString(candidate.id())));
		}
	}

	/**
	 * Every pair of the ranking: each candidate over each candidate of every lower tier.
	 */
	void writeAll(Tiers ranking) throws IOException {
		for (long[] pair : ranking.preferencePairs()) {
			write(pair[0], pair[1]);
		}
	}

	private void write(long chosen, long rejected) throws IOException {
		out.write(PROMPT);
		out.write(prompt);
		out.write(CHOSEN);
		out.write(text(chosen));
		out.write(REJECTED);
		out.write(text(rejected));
		out.write(PROMPT_ID);
		out.write(promptId);
		out.write(CHOSEN_ID);
		out.write(ids.get(chosen));
		out.write(REJECTED_ID);
		out.write(ids.get(rejected));
		out.write(END);
	}

	private byte[] text(long candidate) {
		byte[] text = texts.get(candidate);
		if (text == null) {
			throw new IllegalStateException("candidate " + candidate + " is not one of the prompt's candidates");
		}
		return text;
	}

	private static byte[] quoted(String text) {
		return concat(QUOTE, escaped(text), QUOTE);
	}

	private static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] joined = new byte[length];
		int at = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, joined, at, part.length);
			at += part.length;
		}
		return joined;
	}

	private static byte[] escaped(String text) {
		return JsonStringEncoder.getInstance().quoteAsUTF8(text);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
