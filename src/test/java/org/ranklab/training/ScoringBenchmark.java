package org.ranklab.training;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.ranklab.ApiClient;
import org.ranklab.RankLabApplication;
import org.ranklab.training.engine.PromptResponses;
import org.ranklab.training.engine.RewardModel;
import org.ranklab.training.engine.SyntheticRankings;

/**
 * bench/scoring: responses scored per second through the HTTP API (batched calls, 1, 8
 * and 32 clients with a Bearer token) against the same model's bare
 * {@link RewardModel#scoreAll} in this JVM with as many threads, per architecture; and
 * the latency of single 8-response calls. Starts the app on loopback with a throw-away
 * embedded database and trains each model for one epoch on synthetic rankings (the
 * figures are about speed, not accuracy).
 * <p>
 * Arguments: {@code seconds=10 archs=pooled,minilm,transformer,finetuned,ensemble
 * clients=1,8,32 items=8 responses=8 latency=300}.
 */
public final class ScoringBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final AtomicLong SEQUENCE = new AtomicLong();

	private ScoringBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Settings settings = Settings.of(args);
		Path data = Files.createTempDirectory("ranklab-bench-scoring");
		ConfigurableApplicationContext app = new SpringApplicationBuilder(RankLabApplication.class)
			.properties("server.port=0", "server.address=127.0.0.1", "ranklab.data-dir=" + data.resolve("data"),
					"ranklab.secrets-dir=" + data.resolve("secrets"), "ranklab.embedded-postgres.ephemeral=true",
					"ranklab.admin.username=admin", "ranklab.admin.password=bench-password-12345",
					"logging.level.root=WARN", "ranklab.training.cached-models=8",
					"ranklab.jobs.polling-interval=500ms")
			.run();
		try {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			ApiClient api = new ApiClient("http://127.0.0.1:" + port);
			ApiClient.Credentials admin = ApiClient.basic("admin", "bench-password-12345");
			String token = api.post("/api/v1/tokens", admin, "{\"name\":\"bench\"}")
				.expectStatus(201)
				.json()
				.path("token")
				.asString();
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			System.out.printf("RESULT cores=%d batch=%d items x %d responses%n",
					Runtime.getRuntime().availableProcessors(), settings.items, settings.responses);
			for (String architecture : settings.archs) {
				String model = train(api, admin, jdbc, architecture);
				HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
				byte[] artifact = http
					.send(HttpRequest
						.newBuilder(
								URI.create("http://127.0.0.1:" + port + "/api/v1/reward-models/" + model + "/artifact"))
						.header("Authorization", "Bearer " + token)
						.build(), HttpResponse.BodyHandlers.ofByteArray())
					.body();
				try (RewardModel bare = RewardModel.load(artifact)) {
					URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/reward-models/" + model + "/score");
					// warm-up: the model's first load and the JIT; every measured call
					// sends texts never seen before, so no cache of embeddings helps
					for (int i = 0; i < 3; i++) {
						bare.scoreAll(request(settings, -1 - i));
						post(http, uri, token, body(request(settings, -100 - i)));
					}
					double bestBare = 0;
					for (int clients : settings.clients) {
						double forward = rate(clients, settings.seconds, n -> bare.scoreAll(request(settings, n)),
								settings);
						double served = rate(clients, settings.seconds,
								n -> post(http, uri, token, body(request(settings, n))), settings);
						bestBare = Math.max(bestBare, forward);
						System.out.printf(
								"RESULT %-11s clients=%-2d bare %8.1f responses/s   http %8.1f responses/s   %5.1f %% of bare, %5.1f %% of the best bare so far%n",
								architecture, clients, forward, served, 100 * served / forward,
								100 * served / bestBare);
					}
					latency(http, uri, token, settings, architecture);
				}
			}
		}
		finally {
			app.close();
		}
	}

	/**
	 * Responses scored per second by {@code clients} threads, each calling in a loop;
	 * every call gets its own sequence number, so its own texts.
	 */
	private static double rate(int clients, int seconds, LongConsumer call, Settings settings) throws Exception {
		AtomicLong calls = new AtomicLong();
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			long started = System.nanoTime();
			List<Future<?>> running = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				running.add(pool.submit(() -> {
					while (System.nanoTime() < end) {
						call.accept(SEQUENCE.incrementAndGet());
						calls.incrementAndGet();
					}
				}));
			}
			for (Future<?> future : running) {
				future.get();
			}
			double elapsed = (System.nanoTime() - started) / 1e9;
			return calls.get() * settings.items * settings.responses / elapsed;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** p50 and p99 of single-prompt calls with 8 responses, one client. */
	private static void latency(HttpClient http, URI uri, String token, Settings settings, String architecture) {
		Random random = new Random(SEQUENCE.incrementAndGet() * 7919L);
		long[] millis = new long[settings.latency];
		for (int i = -20; i < settings.latency; i++) {
			PromptResponses item = item(random, 8);
			String body = JSON.createObjectNode()
				.put("prompt", item.prompt())
				.set("responses", JSON.valueToTree(item.responses()))
				.toString();
			long started = System.nanoTime();
			post(http, uri, token, body);
			if (i >= 0) {
				millis[i] = (System.nanoTime() - started) / 1_000;
			}
		}
		Arrays.sort(millis);
		System.out.printf("RESULT %-11s single 8-response call: p50 %.1f ms, p99 %.1f ms (%d calls)%n", architecture,
				millis[millis.length / 2] / 1000.0, millis[(int) Math.ceil(millis.length * 0.99) - 1] / 1000.0,
				millis.length);
	}

	private static void post(HttpClient http, URI uri, String token, String body) {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(response.statusCode() + ": " + response.body());
			}
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** A model of this architecture, trained for one epoch on 60 synthetic prompts. */
	private static String train(ApiClient api, ApiClient.Credentials admin, JdbcClient jdbc, String architecture) {
		long project = Long.parseLong(api.post("/api/v1/projects", admin, "{\"name\":\"bench " + architecture + "\"}")
			.expectStatus(201)
			.json()
			.path("id")
			.asString());
		return new RankingFixture(jdbc).trainedModel(api, admin, project, architecture, Duration.ofMinutes(20));
	}

	/** The batch of call {@code n}: its own random texts. */
	private static List<PromptResponses> request(Settings settings, long n) {
		Random random = new Random(n * 1_000_003L);
		List<PromptResponses> items = new ArrayList<>();
		for (int i = 0; i < settings.items; i++) {
			items.add(item(random, settings.responses));
		}
		return items;
	}

	/**
	 * A prompt of 5 to 40 words and responses of 5 to 200 words: lengths vary as a
	 * policy's samples do.
	 */
	private static PromptResponses item(Random random, int responses) {
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < responses; i++) {
			texts.add(words(random, 5 + random.nextInt(196)));
		}
		return new PromptResponses(words(random, 5 + random.nextInt(36)), texts);
	}

	private static String words(Random random, int count) {
		List<String> all = new ArrayList<>(SyntheticRankings.FILLER);
		all.addAll(SyntheticRankings.GOOD);
		all.addAll(SyntheticRankings.BAD);
		StringBuilder text = new StringBuilder();
		for (int w = 0; w < count; w++) {
			text.append(all.get(random.nextInt(all.size()))).append(w % 17 == 16 ? ".\n" : " ");
		}
		return text.toString().strip();
	}

	private static String body(List<PromptResponses> items) {
		var body = JSON.createObjectNode();
		var array = body.putArray("items");
		for (PromptResponses item : items) {
			var node = array.addObject();
			node.put("prompt", item.prompt());
			node.set("responses", JSON.valueToTree(item.responses()));
		}
		return body.toString();
	}

	private record Settings(int seconds, List<String> archs, List<Integer> clients, int items, int responses,
			int latency) {

		static Settings of(String[] args) {
			java.util.Map<String, String> given = new java.util.HashMap<>();
			for (String arg : args) {
				int at = arg.indexOf('=');
				given.put(arg.substring(0, at), arg.substring(at + 1));
			}
			return new Settings(Integer.parseInt(given.getOrDefault("seconds", "10")),
					List.of(given.getOrDefault("archs", "pooled,minilm,transformer,finetuned,ensemble").split(",")),
					Arrays.stream(given.getOrDefault("clients", "1,8,32").split(",")).map(Integer::valueOf).toList(),
					Integer.parseInt(given.getOrDefault("items", "8")),
					Integer.parseInt(given.getOrDefault("responses", "8")),
					Integer.parseInt(given.getOrDefault("latency", "300")));
		}

	}

}
