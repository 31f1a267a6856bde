import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
 * Each labeler speaks HTTP/1.1 on its own kept-alive socket with a minimal blocking client, so that the
 * load generator, which shares the machine with the app, spends as little CPU as it can.
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

		URI base = URI.create(url);
		long start = System.nanoTime();
		long measureFrom = start + warmupNanos;
		long end = measureFrom + measureNanos;
		Labeler[] labelers = new Labeler[users];
		Thread[] threads = new Thread[users];
		for (int i = 0; i < users; i++) {
			labelers[i] = new Labeler(new Http(base), project, tokens.get(i), measureFrom, end, thinkMillis);
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

		private final Http http;

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

		Labeler(Http http, String project, String token, long measureFrom, long end, long thinkMillis) {
			this.http = http;
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
					http.close();
					pause(100);
				}
			}
		}

		private void cycle() throws Exception {
			long t0 = System.nanoTime();
			Http.Response task = post("/api/v1/projects/" + project + "/tasks/next", null);
			long t1 = System.nanoTime();
			record(next, t0, t1);
			if (task.status() == 204) {
				if (t1 >= measureFrom) {
					empty++;
				}
				pause(200);
				return;
			}
			if (task.status() != 200) {
				count("next " + task.status());
				return;
			}
			pause(thinkMillis);
			String body = task.body();
			Matcher assignment = ASSIGNMENT.matcher(body);
			assignment.find();
			long t2 = System.nanoTime();
			Http.Response ranked = post("/api/v1/assignments/" + assignment.group(1) + "/ranking",
					rankingAsShown(body));
			long t3 = System.nanoTime();
			record(ranking, t2, t3);
			if (ranked.status() != 201) {
				count("ranking " + ranked.status());
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

		private Http.Response post(String path, String json) throws IOException {
			return http.post(path, authorization, json);
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

	/** A minimal blocking HTTP/1.1 client on one kept-alive connection: POST with a JSON body, nothing else. */
	private static final class Http {

		private final URI base;

		private Socket socket;

		private InputStream in;

		private OutputStream out;

		Http(URI base) {
			this.base = base;
		}

		record Response(int status, String body) {
		}

		Response post(String path, String authorization, String json) throws IOException {
			if (socket == null) {
				socket = new Socket();
				socket.setTcpNoDelay(true);
				socket.setSoTimeout(30_000);
				socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
				in = new BufferedInputStream(socket.getInputStream(), 16_384);
				out = socket.getOutputStream();
			}
			byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
			String head = "POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
					+ "\r\nAuthorization: " + authorization + "\r\nContent-Type: application/json\r\nAccept: application/json"
					+ "\r\nContent-Length: " + body.length + "\r\n\r\n";
			byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
			byte[] request = Arrays.copyOf(headBytes, headBytes.length + body.length);
			System.arraycopy(body, 0, request, headBytes.length, body.length);
			out.write(request);
			out.flush();
			return read();
		}

		private Response read() throws IOException {
			String statusLine = line();
			int status = Integer.parseInt(statusLine.substring(9, 12));
			int length = -1;
			boolean chunked = false;
			boolean close = false;
			for (String header = line(); !header.isEmpty(); header = line()) {
				String lower = header.toLowerCase(java.util.Locale.ROOT);
				if (lower.startsWith("content-length:")) {
					length = Integer.parseInt(header.substring(15).strip());
				}
				else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
					chunked = true;
				}
				else if (lower.startsWith("connection:") && lower.contains("close")) {
					close = true;
				}
			}
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			if (chunked) {
				for (int size = Integer.parseInt(line().split(";")[0].strip(), 16); size > 0;
						size = Integer.parseInt(line().split(";")[0].strip(), 16)) {
					body.write(in.readNBytes(size));
					line();
				}
				while (!line().isEmpty()) {
					// trailers
				}
			}
			else if (length > 0) {
				body.write(in.readNBytes(length));
			}
			if (close) {
				close();
			}
			return new Response(status, body.toString(StandardCharsets.UTF_8));
		}

		private String line() throws IOException {
			StringBuilder line = new StringBuilder();
			for (int c = in.read(); c != '\n'; c = in.read()) {
				if (c < 0) {
					throw new IOException("connection closed");
				}
				if (c != '\r') {
					line.append((char) c);
				}
			}
			return line.toString();
		}

		void close() {
			try {
				if (socket != null) {
					socket.close();
				}
			}
			catch (IOException e) {
				// closing anyway
			}
			socket = null;
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
