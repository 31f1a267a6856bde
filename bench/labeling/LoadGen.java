import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simulated labelers against a running RankLab: each one, in its own thread with its own Bearer token,
 * asks for a task ({@code POST /projects/{id}/tasks/next}) and ranks it in the order shown
 * ({@code POST /assignments/{id}/ranking}), again and again, optionally thinking between calls.
 * Requests finished during the warm-up are not counted. Runs with the bare JDK: {@code java LoadGen.java ...}.
 *
 * <pre>
 * java LoadGen.java --url http://127.0.0.1:18080 --project 1 --tokens tokens.txt \
 *     [--users 100] [--warmup 10] [--seconds 30] [--think-ms 0]
 * </pre>
 */
public class LoadGen {

	private static final Pattern ASSIGNMENT = Pattern.compile("\"assignment_id\"\\s*:\\s*\"(\\d+)\"");

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"(\\d+)\"");

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		String url = options.getOrDefault("url", "http://127.0.0.1:18080");
		String project = required(options, "project");
		List<String> tokens = Files.readAllLines(Path.of(required(options, "tokens"))).stream()
			.map(String::strip).filter(t -> !t.isEmpty()).toList();
		int users = Integer.parseInt(options.getOrDefault("users", Integer.toString(tokens.size())));
		long warmupNanos = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "10"))).toNanos();
		long measureNanos = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "30"))).toNanos();
		long thinkMillis = Long.parseLong(options.getOrDefault("think-ms", "0"));
		if (tokens.size() < users) {
			throw new IllegalArgumentException(users + " users need as many tokens; " + tokens.size() + " given");
		}

		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5)).build();
		long start = System.nanoTime();
		long measureFrom = start + warmupNanos;
		long end = measureFrom + measureNanos;
		Labeler[] labelers = new Labeler[users];
		Thread[] threads = new Thread[users];
		for (int i = 0; i < users; i++) {
			labelers[i] = new Labeler(http, url, project, tokens.get(i), measureFrom, end, thinkMillis);
			threads[i] = new Thread(labelers[i], "labeler-" + i);
			threads[i].start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		report(labelers, measureNanos, users, thinkMillis);
	}

	private static void report(Labeler[] labelers, long measureNanos, int users, long thinkMillis) {
		Latencies next = new Latencies();
		Latencies ranking = new Latencies();
		long cycles = 0;
		long emptyAnswers = 0;
		Map<String, Long> errors = new HashMap<>();
		for (Labeler labeler : labelers) {
			next.addAll(labeler.next);
			ranking.addAll(labeler.ranking);
			cycles += labeler.cycles;
			emptyAnswers += labeler.empty;
			labeler.errors.forEach((k, v) -> errors.merge(k, v.get(), Long::sum));
		}
		Latencies all = new Latencies();
		all.addAll(next);
		all.addAll(ranking);
		double seconds = measureNanos / 1e9;
		System.out.printf("users %d, think %d ms, measured %.0f s%n", users, thinkMillis, seconds);
		System.out.printf("cycles (next + ranking 201): %d = %.1f cycles/s; requests: %d = %.1f requests/s%n", cycles,
				cycles / seconds, all.size, all.size / seconds);
		System.out.printf("204 answers: %d; errors: %s%n", emptyAnswers, errors.isEmpty() ? "none" : errors);
		System.out.println("latency ms      p50     p90     p99     max");
		System.out.println(next.line("next   "));
		System.out.println(ranking.line("ranking"));
		System.out.println(all.line("all    "));
		System.out.printf("RESULT cycles_per_s=%.1f requests_per_s=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d%n",
				cycles / seconds, all.size / seconds, all.percentile(50), all.percentile(99),
				errors.values().stream().mapToLong(Long::longValue).sum());
	}

	private static final class Labeler implements Runnable {

		private final HttpClient http;

		private final String url;

		private final String project;

		private final String authorization;

		private final long measureFrom;

		private final long end;

		private final long thinkMillis;

		final Latencies next = new Latencies();

		final Latencies ranking = new Latencies();

		final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();

		long cycles;

		long empty;

		Labeler(HttpClient http, String url, String project, String token, long measureFrom, long end, long thinkMillis) {
			this.http = http;
			this.url = url;
			this.project = project;
			this.authorization = "Bearer " + token;
			this.measureFrom = measureFrom;
			this.end = end;
			this.thinkMillis = thinkMillis;
		}

		@Override
		public void run() {
			while (System.nanoTime() < end) {
				try {
					cycle();
				}
				catch (Exception e) {
					count("exception " + e.getClass().getSimpleName());
					pause(100);
				}
			}
		}

		private void cycle() throws Exception {
			long t0 = System.nanoTime();
			HttpResponse<String> task = post("/api/v1/projects/" + project + "/tasks/next", null);
			long t1 = System.nanoTime();
			record(next, t0, t1);
			if (task.statusCode() == 204) {
				if (t1 >= measureFrom) {
					empty++;
				}
				pause(200);
				return;
			}
			if (task.statusCode() != 200) {
				count("next " + task.statusCode());
				return;
			}
			pause(thinkMillis);
			String body = task.body();
			Matcher assignment = ASSIGNMENT.matcher(body);
			assignment.find();
			long t2 = System.nanoTime();
			HttpResponse<String> ranked = post("/api/v1/assignments/" + assignment.group(1) + "/ranking",
					rankingAsShown(body));
			long t3 = System.nanoTime();
			record(ranking, t2, t3);
			if (ranked.statusCode() != 201) {
				count("ranking " + ranked.statusCode());
			}
			else if (t3 >= measureFrom && t3 < end) {
				cycles++;
			}
			pause(thinkMillis);
		}

		/** Each candidate in its own tier, in the order the task listed them. */
		private static String rankingAsShown(String task) {
			Matcher ids = ID.matcher(task.substring(task.indexOf("\"candidates\"")));
			List<String> tiers = new ArrayList<>();
			while (ids.find()) {
				tiers.add("[\"" + ids.group(1) + "\"]");
			}
			return "{\"ranking\":[" + String.join(",", tiers) + "]}";
		}

		private HttpResponse<String> post(String path, String json) throws Exception {
			HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
				.timeout(Duration.ofSeconds(30))
				.header("Authorization", authorization)
				.header("Content-Type", "application/json")
				.POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
				.build();
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}

		private void record(Latencies latencies, long from, long to) {
			if (to >= measureFrom && to < end) {
				latencies.add(to - from);
			}
		}

		private void count(String error) {
			if (System.nanoTime() >= measureFrom) {
				errors.computeIfAbsent(error, e -> new AtomicLong()).incrementAndGet();
			}
		}

		private static void pause(long millis) {
			if (millis <= 0) {
				return;
			}
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}

	}

	/** Latencies in nanoseconds, kept whole so that percentiles are exact. */
	private static final class Latencies {

		private long[] values = new long[1024];

		private int size;

		private boolean sorted;

		void add(long nanos) {
			if (size == values.length) {
				values = Arrays.copyOf(values, size * 2);
			}
			values[size++] = nanos;
			sorted = false;
		}

		void addAll(Latencies other) {
			for (int i = 0; i < other.size; i++) {
				add(other.values[i]);
			}
		}

		double percentile(double p) {
			if (size == 0) {
				return Double.NaN;
			}
			if (!sorted) {
				Arrays.sort(values, 0, size);
				sorted = true;
			}
			int index = (int) Math.min(size - 1, Math.ceil(p / 100 * size) - 1);
			return values[Math.max(0, index)] / 1e6;
		}

		String line(String name) {
			return String.format("%s %7.2f %7.2f %7.2f %7.2f   (%d requests)", name, percentile(50), percentile(90),
					percentile(99), percentile(100), size);
		}

	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		return options;
	}

	private static String required(Map<String, String> options, String name) {
		String value = options.get(name);
		if (value == null) {
			throw new IllegalArgumentException("--" + name + " is required");
		}
		return value;
	}

}
