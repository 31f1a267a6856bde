package org.ranklab.prompt.generation;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import org.ranklab.outbound.OutboundPolicy;
import org.ranklab.prompt.ChatMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client against real HTTP servers on loopback, without the application: names are
 * resolved by a stub, never by DNS.
 */
class ChatCompletionsClientTests {

	private static final long CAP = 1 << 20;

	/**
	 * Fails the test if a name were ever looked up: these tests use literal addresses.
	 */
	static final OutboundPolicy.Resolver NO_LOOKUPS = host -> {
		throw new AssertionError("looked up " + host);
	};

	/** A second for the hostile servers: long enough for a real answer on loopback. */
	private static GenerationProperties properties(List<String> allowedHosts) {
		return properties(allowedHosts, Duration.ofSeconds(1));
	}

	/** Time enough for a real answer on a busy machine, for the servers that give one. */
	private static GenerationProperties patient(List<String> allowedHosts) {
		return properties(allowedHosts, Duration.ofSeconds(20));
	}

	private static GenerationProperties properties(List<String> allowedHosts, Duration requestTimeout) {
		return new GenerationProperties(1, Duration.ofSeconds(1), requestTimeout, 0, Duration.ofMillis(10),
				Duration.ofMillis(10), Duration.ofSeconds(1), DataSize.ofBytes(CAP));
	}

	private static GenerationSettings settings(String baseUrl) {
		return new GenerationSettings(URI.create(baseUrl), "m", 2, 1.0, 16, false);
	}

	/**
	 * DNS rebinding: the name answers an allowed address to the check and another one
	 * (the internal target, here 127.0.0.1) to any later lookup. The client must connect
	 * to the address that was checked and never look the name up again.
	 */
	@Test
	void connectsOnlyToTheAddressesThePolicyChecked() throws Exception {
		try (ModelServer checked = new ModelServer("127.0.0.2", 0);
				ModelServer internal = new ModelServer("127.0.0.1", checked.port())) {
			AtomicInteger lookups = new AtomicInteger();
			OutboundPolicy policy = new OutboundPolicy(List.of("127.0.0.2"), false, host -> {
				assertThat(host).isEqualTo("localhost");
				String answer = lookups.incrementAndGet() % 2 == 1 ? "127.0.0.2" : "127.0.0.1";
				return List.of(InetAddress.getByAddress(host, InetAddress.getByName(answer).getAddress()));
			});
			ChatCompletionsClient client = new ChatCompletionsClient(patient(List.of("127.0.0.2")), policy);
			GenerationSettings settings = settings("http://LocalHost.:" + checked.port() + "/v1");

			List<Completion> answer = client.complete(settings, null, user("Hello"), 2);

			assertThat(answer).hasSize(2);
			assertThat(lookups).as("one lookup per request, by the check").hasValue(1);
			assertThat(checked.calls()).hasSize(1);
			assertThat(internal.calls()).as("the address the check never saw").isEmpty();
			assertThatThrownBy(() -> client.complete(settings, null, user("Hello again"), 2))
				.isInstanceOfSatisfying(ModelCallFailed.class, e -> {
					assertThat(e.scope()).isEqualTo(ModelCallFailed.Scope.JOB);
					assertThat(e.getMessage()).contains("127.0.0.1").contains("loopback");
				});
			assertThat(internal.calls()).isEmpty();
		}
	}

	@Test
	void sendsTheHostAsGivenInTheUrl() throws Exception {
		try (ModelServer server = new ModelServer("127.0.0.2", 0)) {
			OutboundPolicy policy = new OutboundPolicy(List.of("127.0.0.2"), false,
					host -> List.of(InetAddress.getByAddress(host, InetAddress.getByName("127.0.0.2").getAddress())));
			ChatCompletionsClient client = new ChatCompletionsClient(patient(List.of("127.0.0.2")), policy);

			client.complete(settings("http://model.example:" + server.port() + "/v1/"), "sk-key", user("Hi"), 2);

			ModelServer.Call call = server.calls().get(0);
			assertThat(call.path()).isEqualTo("/v1/chat/completions");
			assertThat(call.authorization()).isEqualTo("Bearer sk-key");
			assertThat(server.hosts()).containsExactly("model.example:" + server.port());
		}
	}

	/**
	 * A key that cannot go into a header (here with a zero-width space, as pasted from a
	 * web page) fails the job with a message that does not show it, before any
	 * connection; a job queued before the API refused such keys gets here.
	 */
	@Test
	void neverShowsAKeyThatCannotBeSent() throws Exception {
		try (ModelServer server = new ModelServer()) {
			ChatCompletionsClient client = new ChatCompletionsClient(properties(List.of("127.0.0.1")),
					new OutboundPolicy(List.of("127.0.0.1"), false, NO_LOOKUPS));
			String key = "sk-secret-123456\u200b";

			assertThatThrownBy(() -> client.complete(settings(server.baseUrl()), key, user("Hi"), 2))
				.isInstanceOfSatisfying(ModelCallFailed.class, e -> {
					assertThat(e.scope()).isEqualTo(ModelCallFailed.Scope.JOB);
					assertThat(e.getMessage()).contains("API key").doesNotContain("sk-secret");
				});
			assertThat(server.calls()).isEmpty();
		}
	}

	@Test
	void stopsReadingAnEndlessAnswerAtTheCap() {
		assertSurvives(HostileModelServer.Body.ENDLESS, "exceeds");
	}

	@Test
	void hangsUpOnAHugeAnswer() {
		assertSurvives(HostileModelServer.Body.HUGE, "exceeds");
	}

	@Test
	void givesUpOnATrickleWhenTheRequestTimeoutEnds() {
		assertSurvives(HostileModelServer.Body.TRICKLE, "no answer within 1 s");
	}

	/**
	 * The call fails as worth a retry, within the request timeout, and the server sent no
	 * more than the cap and what the sockets' buffers hold.
	 */
	private static void assertSurvives(HostileModelServer.Body body, String problem) {
		try (HostileModelServer server = new HostileModelServer(body)) {
			ChatCompletionsClient client = new ChatCompletionsClient(properties(List.of("127.0.0.1")),
					new OutboundPolicy(List.of("127.0.0.1"), false, NO_LOOKUPS));
			long started = System.nanoTime();

			assertThatThrownBy(() -> client.complete(settings(server.baseUrl()), null, user("Hi"), 2))
				.isInstanceOfSatisfying(ModelCallFailed.class, e -> {
					assertThat(e.scope()).isEqualTo(ModelCallFailed.Scope.RETRY);
					assertThat(e.getMessage()).contains(problem);
				});

			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
			assertThat(server.requests()).isEqualTo(1);
			assertThat(server.bytesSent()).as("bytes the server got out before the client hung up")
				.isLessThan(CAP + (24 << 20));
		}
	}

	@Test
	void theClientAsksThePolicyAgainBeforeEveryRequest() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			closedPort = socket.getLocalPort();
		}
		// Loopback was allowed when the job was requested, not any more (say, after a
		// restart with another
		// allow-list). Were the check missing, the client would hit a closed port on
		// 127.0.0.1 and retry.
		OutboundPolicy policy = new OutboundPolicy(List.of(), true, NO_LOOKUPS);
		ChatCompletionsClient client = new ChatCompletionsClient(properties(List.of()), policy);
		GenerationSettings settings = new GenerationSettings(URI.create("http://127.0.0.1:" + closedPort + "/v1"), "m",
				2, 1.0, 16, false);

		assertThatThrownBy(() -> client.complete(settings, null, user("Hello"), 2))
			.isInstanceOfSatisfying(ModelCallFailed.class, e -> {
				assertThat(e.scope()).isEqualTo(ModelCallFailed.Scope.JOB);
				assertThat(e.getMessage()).contains("base_url is not allowed").contains("loopback");
			});
	}

	private static List<ChatMessage> user(String text) {
		return List.of(new ChatMessage(ChatMessage.USER, text));
	}

}
