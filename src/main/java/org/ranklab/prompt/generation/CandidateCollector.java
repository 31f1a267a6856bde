package org.ranklab.prompt.generation;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.ranklab.prompt.ChatMessage;

/**
 * Gathers {@code n} distinct, non-blank completions for prompts of one job. Asks for the
 * missing number at once ({@code n}); once the server shows that it ignores {@code n}
 * (one choice for several asked), asks one at a time. Requests that fail or bring nothing
 * new draw on the prompt's retry budget; failures wait with exponential backoff, or as
 * long as the server's {@code Retry-After} says.
 */
class CandidateCollector {

	/** What came of one prompt: its candidates, or why it has none. */
	record Outcome(List<Completion> candidates, String problem) {

		boolean complete() {
			return problem == null;
		}

	}

	private final ChatCompletionsClient client;

	private final GenerationProperties properties;

	private final GenerationSettings settings;

	private final String apiKey;

	private final AtomicBoolean serverIgnoresN = new AtomicBoolean();

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong retries = new AtomicLong();

	CandidateCollector(ChatCompletionsClient client, GenerationProperties properties, GenerationSettings settings,
			String apiKey) {
		this.client = client;
		this.properties = properties;
		this.settings = settings;
		this.apiKey = apiKey;
	}

	/**
	 * @throws ModelCallFailed only for failures that stop the whole job
	 * @throws InterruptedException when the job is cancelled or the app stops
	 */
	Outcome collect(List<ChatMessage> prompt) throws ModelCallFailed, InterruptedException {
		int n = settings.n();
		Map<String, Completion> distinct = new LinkedHashMap<>();
		int budget = properties.retryBudget();
		int failuresInARow = 0;
		String lastProblem = null;
		while (distinct.size() < n) {
			int wanted = n - distinct.size();
			int asked = serverIgnoresN.get() ? 1 : wanted;
			try {
				requests.incrementAndGet();
				List<Completion> answer = client.complete(settings, apiKey, prompt, asked);
				failuresInARow = 0;
				if (asked > 1 && answer.size() == 1) {
					serverIgnoresN.set(true);
				}
				int before = distinct.size();
				for (Completion completion : answer) {
					String text = completion.text() == null ? "" : completion.text().strip();
					if (!text.isEmpty() && distinct.size() < n) {
						distinct.putIfAbsent(text,
								new Completion(text, completion.finishReason(), completion.servedModel()));
					}
				}
				if (distinct.size() == before) {
					lastProblem = "the model kept answering with duplicate or blank completions";
					if (--budget < 0) {
						break;
					}
					retries.incrementAndGet();
				}
			}
			catch (ModelCallFailed e) {
				if (e.scope() != ModelCallFailed.Scope.RETRY) {
					if (e.scope() == ModelCallFailed.Scope.JOB) {
						throw e;
					}
					return new Outcome(List.of(), e.getMessage());
				}
				lastProblem = e.getMessage();
				if (--budget < 0) {
					break;
				}
				retries.incrementAndGet();
				Thread.sleep(pause(++failuresInARow, e.retryAfter()).toMillis());
			}
		}
		if (distinct.size() < n) {
			return new Outcome(List.of(),
					"%d of %d distinct candidates; %s".formatted(distinct.size(), n, lastProblem));
		}
		return new Outcome(List.copyOf(distinct.values()), null);
	}

	/**
	 * The server's Retry-After when it gave one (capped), else exponential backoff with
	 * jitter.
	 */
	Duration pause(int failuresInARow, Duration retryAfter) {
		if (retryAfter != null) {
			return retryAfter.compareTo(properties.retryAfterMax()) > 0 ? properties.retryAfterMax() : retryAfter;
		}
		long initial = properties.backoffInitial().toMillis();
		long max = properties.backoffMax().toMillis();
		long backoff = Math.min(max, initial << Math.min(20, failuresInARow - 1));
		// Half fixed, half random: spreads retries of concurrent prompts apart.
		return Duration.ofMillis(backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
	}

	boolean serverIgnoresN() {
		return serverIgnoresN.get();
	}

	long requests() {
		return requests.get();
	}

	long retries() {
		return retries.get();
	}

}
