package org.ranklab.prompt.generation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fake OpenAI-compatible model server on loopback: records every chat-completions call
 * and answers as the test's behaviour says (by default, {@code n} distinct choices).
 */
public final class ModelServer implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * One request as the server saw it; {@code attempt} counts the calls for the same
	 * prompt, from 1.
	 */
	public record Call(String path, String prompt, int n, String authorization, JsonNode body, long atNanos,
			int attempt) {
	}

	@FunctionalInterface
	public interface Behaviour {

		MockResponse answer(Call call) throws InterruptedException;

	}

	private final MockWebServer server = new MockWebServer();

	private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

	private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

	private final AtomicInteger answers = new AtomicInteger();

	private final List<String> hosts = Collections.synchronizedList(new ArrayList<>());

	private volatile Behaviour behaviour = this::distinct;

	private final String address;

	public ModelServer() {
		this("127.0.0.1", 0);
	}

	/** Listens on this loopback address and port (0: any free port) only. */
	public ModelServer(String address, int port) {
		this.address = address;
		server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
				Call call = record(request);
				return behaviour.answer(call);
			}
		});
		try {
			server.start(InetAddress.getByName(address), port);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public String baseUrl() {
		return "http://" + address + ":" + server.getPort() + "/v1";
	}

	public int port() {
		return server.getPort();
	}

	public ModelServer behave(Behaviour behaviour) {
		this.behaviour = behaviour;
		return this;
	}

	public List<Call> calls() {
		synchronized (calls) {
			return List.copyOf(calls);
		}
	}

	/** The {@code Host} header of every request, in order. */
	public List<String> hosts() {
		synchronized (hosts) {
			return List.copyOf(hosts);
		}
	}

	public List<Call> callsFor(String prompt) {
		return calls().stream().filter(call -> prompt.equals(call.prompt())).toList();
	}

	/** {@code n} completions never given before. */
	public MockResponse distinct(Call call) {
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < call.n(); i++) {
			texts.add("Answer " + answers.incrementAndGet() + " to " + call.prompt());
		}
		return choices(texts.toArray(String[]::new));
	}

	/** A chat-completions answer with these choices, each finished with "stop". */
	public static MockResponse choices(String... texts) {
		List<Map<String, Object>> choices = new ArrayList<>();
		for (int i = 0; i < texts.length; i++) {
			Map<String, Object> choice = new LinkedHashMap<>();
			choice.put("index", i);
			choice.put("message", Map.of("role", "assistant", "content", texts[i]));
			choice.put("finish_reason", i % 2 == 0 ? "stop" : "length");
			choices.add(choice);
		}
		Map<String, Object> body = Map.of("id", "chatcmpl-test", "object", "chat.completion", "model", "served-model",
				"choices", choices);
		return new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "application/json")
			.body(JSON.writeValueAsString(body))
			.build();
	}

	public static MockResponse status(int code) {
		return new MockResponse.Builder().code(code)
			.addHeader("Content-Type", "application/json")
			.body("{\"error\":{\"message\":\"status " + code + "\"}}")
			.build();
	}

	private Call record(RecordedRequest request) {
		String text = request.getBody() == null ? "{}" : request.getBody().utf8();
		JsonNode body = JSON.readTree(text.isEmpty() ? "{}" : text);
		String prompt = body.path("messages").path(0).path("content").asString("");
		int attempt = attempts.computeIfAbsent(prompt, key -> new AtomicInteger()).incrementAndGet();
		Call call = new Call(request.getUrl().encodedPath(), prompt, body.path("n").asInt(1),
				request.getHeaders().get("Authorization"), body, System.nanoTime(), attempt);
		calls.add(call);
		hosts.add(request.getHeaders().get("Host"));
		return call;
	}

	@Override
	public void close() {
		server.close();
	}

}
