package org.ranklab.training;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import org.ranklab.ApiClient;
import org.ranklab.IntegrationTest;
import org.ranklab.PageSession;
import org.ranklab.training.engine.RewardModel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ranklab.training.TrainingRunTests.BAD_RESPONSE;
import static org.ranklab.training.TrainingRunTests.GOOD_RESPONSE;

/**
 * Reward-serving keys: made and revoked by admins, and used by OpenRLHF's remote reward
 * call, replayed byte for byte over a real socket, with the model that
 * {@link TrainingRunTests} trains.
 */
@ExtendWith(OutputCaptureExtension.class)
class RewardServingTests extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A chat template's framing, as the policy's tokenizer decodes a sample. */
	private static final String PROMPT = "<|user|>\nquestion number 7 about this topic\n<|assistant|>\n";

	private String model() {
		return TrainingRunTests.trainedRun(api, admin(), jdbc).path("reward_model_id").asString();
	}

	private JsonNode newKey(String model) {
		return api.post("/api/v1/reward-models/" + model + "/serving-keys", admin(), null).expectStatus(201).json();
	}

	@Test
	void openRlhfsRemoteRewardRequestGetsTheModelsScoresOfTheResponsesAfterThePrompts() throws IOException {
		String model = model();
		JsonNode key = newKey(model);
		assertThat(key.path("key").asString()).startsWith("rs_").hasSizeGreaterThan(40);
		assertThat(key.path("url").asString())
			.isEqualTo("http://127.0.0.1:" + port + "/api/v1/reward-serving/" + key.path("key").asString());
		// Pads before the prompt and the end-of-text token after the response, as
		// tokenizer.batch_decode(skip_special_tokens=False) leaves them; labels as a
		// dataset without a label key gives them.
		String json = "{\"query\": [\"<pad><pad>%s%s<|endoftext|>\", \"%s%s<|endoftext|>\"], \"prompts\": [\"%s\", \"%s\"], \"labels\": [\"\", \"\"]}"
			.formatted(escaped(PROMPT), GOOD_RESPONSE, escaped(PROMPT), BAD_RESPONSE, escaped(PROMPT), escaped(PROMPT));

		RawResponse response = postAsPythonRequests(URI.create(key.path("url").asString()), json);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		JsonNode answer = JSON.readTree(response.body());
		JsonNode rewards = answer.path("rewards");
		assertThat(answer.path("scores")).isEqualTo(rewards);
		assertThat(rewards.size()).isEqualTo(2);
		JsonNode scored = api
			.post("/api/v1/reward-models/" + model + "/score", admin(),
					TrainingRunTests.scoreBody(PROMPT, GOOD_RESPONSE + "<|endoftext|>", BAD_RESPONSE + "<|endoftext|>"))
			.expectStatus(200)
			.json()
			.path("scores");
		assertThat(rewards.get(0).asDouble()).isCloseTo(scored.get(0).asDouble(), within(1e-5));
		assertThat(rewards.get(1).asDouble()).isCloseTo(scored.get(1).asDouble(), within(1e-5));
		assertThat(rewards.get(0).asDouble()).isGreaterThan(rewards.get(1).asDouble());
	}

	@Test
	void withoutPromptsEachQueryIsScoredWholeAsTheResponseToAnEmptyPrompt() throws IOException {
		String model = model();
		String url = newKey(model).path("url").asString();
		String query = PROMPT + GOOD_RESPONSE;

		RawResponse response = postAsPythonRequests(URI.create(url),
				"{\"query\": [\"%s\"], \"prompts\": null, \"labels\": null}".formatted(escaped(query)));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		double reward = JSON.readTree(response.body()).path("rewards").get(0).asDouble();
		try (RewardModel loaded = RewardModel.load(artifact(model))) {
			assertThat(reward).isCloseTo(loaded.score("", List.of(query))[0], within(1e-5));
		}
		assertThat(RemoteRewardRequest.response("pad " + PROMPT + "answer", PROMPT)).isEqualTo("answer");
		assertThat(RemoteRewardRequest.response("no prompt in here", PROMPT)).isEqualTo("no prompt in here");
	}

	@Test
	void aKeyScoresOnlyWhileLiveAndIsACredentialNowhereElse(CapturedOutput output) throws IOException {
		String model = model();
		JsonNode key = newKey(model);
		String secret = key.path("key").asString();
		URI url = URI.create(key.path("url").asString());
		String body = "{\"query\": [\"a response\"]}";
		assertThat(postAsPythonRequests(url, body).status()).isEqualTo(200);

		// Listed without its value.
		String listed = api.get("/api/v1/reward-models/" + model + "/serving-keys", admin()).expectStatus(200).body();
		assertThat(listed).contains("\"id\":\"" + key.path("id").asString() + "\"").doesNotContain(secret);
		// No credential for anything else, and no other credential opens the serving
		// path.
		api.get("/api/v1/projects", ApiClient.bearer(secret)).expectProblem(401);
		api.post("/api/v1/reward-models/" + model + "/score", ApiClient.bearer(secret),
				TrainingRunTests.scoreBody("p", "a"))
			.expectProblem(401);
		api.post("/api/v1/reward-serving/rs_unknown", admin(), body).expectProblem(401);
		// Bad input: the problem names the field and echoes no key.
		ApiClient.Response invalid = api.post(url.getPath(), ApiClient.ANONYMOUS, "{\"query\": []}");
		assertThat(invalid.expectProblem(400).path("errors").get(0).path("field").asString()).isEqualTo("query");
		assertThat(invalid.body()).doesNotContain(secret).contains("/api/v1/reward-serving/***");
		assertThat(api.post(url.getPath(), ApiClient.ANONYMOUS, "{\"query\": [\"a\"], \"prompts\": [\"p\", \"q\"]}")
			.expectProblem(400)
			.path("errors")
			.get(0)
			.path("field")
			.asString()).isEqualTo("prompts");

		api.delete("/api/v1/reward-models/" + model + "/serving-keys/" + key.path("id").asString(), admin())
			.expectStatus(204);
		RawResponse revoked = postAsPythonRequests(url, body);
		assertThat(revoked.status()).isEqualTo(401);
		assertThat(revoked.contentType()).startsWith("application/problem+json");
		assertThat(revoked.body()).doesNotContain(secret);
		api.delete("/api/v1/reward-models/" + model + "/serving-keys/" + key.path("id").asString(), admin())
			.expectStatus(204);
		api.delete("/api/v1/reward-models/" + model + "/serving-keys/999999999", admin()).expectProblem(404);
		api.post("/api/v1/reward-models/999999999/serving-keys", admin(), null).expectProblem(404);
		api.post("/api/v1/reward-models/" + model + "/serving-keys", newLabeler(), null).expectProblem(403);

		assertThat(output.getAll()).doesNotContain(secret);
	}

	/**
	 * A page's session cookie does not make the serving path ask for a CSRF token: the
	 * key alone decides.
	 */
	@Test
	void aCallCarryingASessionCookieNeedsNoCsrfToken() {
		String url = newKey(model()).path("url").asString();
		PageSession session = PageSession.signIn(port, ADMIN, ADMIN_PASSWORD);
		assertThat(session.signedIn()).isTrue();

		HttpResponse<String> response = session.call("POST", URI.create(url).getPath(), "{\"query\": [\"a\"]}");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	@Test
	void anAdminMakesAndRevokesKeysOnTheModelsPageAndTheAuditLogRecordsBoth() throws IOException {
		String model = model();
		PageSession session = PageSession.signIn(port, ADMIN, ADMIN_PASSWORD);
		assertThat(session.get("/admin/reward-models/" + model).body()).contains("Reward-serving keys");

		HttpResponse<String> made = session.postForm("/admin/reward-models/" + model + "/serving-keys", "");

		assertThat(made.statusCode()).isEqualTo(200);
		Matcher shown = Pattern.compile("id=\"created-key-url\">([^<]+)<").matcher(made.body());
		assertThat(shown.find()).as(made.body()).isTrue();
		URI url = URI.create(shown.group(1));
		assertThat(postAsPythonRequests(url, "{\"query\": [\"a\"]}").status()).isEqualTo(200);
		String secret = url.getPath().substring("/api/v1/reward-serving/".length());
		String page = session.get("/admin/reward-models/" + model).body();
		assertThat(page).doesNotContain(secret).contains(secret.substring(0, 7) + "…");
		Matcher revokeForm = Pattern
			.compile("action=\"(/admin/reward-models/" + model + "/serving-keys/(\\d+)/revoke)\"")
			.matcher(page);
		assertThat(revokeForm.find()).isTrue();

		HttpResponse<String> revoked = session.postForm(revokeForm.group(1), "");

		assertThat(revoked.statusCode()).isEqualTo(302);
		assertThat(postAsPythonRequests(url, "{\"query\": [\"a\"]}").status()).isEqualTo(401);
		assertThat(session.get("/admin/reward-models/" + model + "?revoked=" + revokeForm.group(2)).body())
			.contains("Key revoked.");
		JsonNode entries = api.get("/api/v1/audit-log?limit=20", admin()).expectStatus(200).json();
		List<String> actions = entries.valueStream()
			.filter(entry -> entry.path("subject_type").asString().equals("reward_serving_key")
					&& entry.path("subject_id").asString().equals(revokeForm.group(2)))
			.map(entry -> entry.path("action").asString())
			.toList();
		assertThat(actions).containsExactly("reward_serving_key.revoked", "reward_serving_key.created");
		assertThat(entries.toString()).doesNotContain(secret);
	}

	private byte[] artifact(String model) {
		try {
			return java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/reward-models/" + model + "/artifact"))
					.header("Authorization", admin().header())
					.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray())
				.body();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** A JSON string's content as Python's json.dumps writes it (ASCII only here). */
	private static String escaped(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
	}

	private record RawResponse(int status, String contentType, String body) {
	}

	/**
	 * The bytes that OpenRLHF's {@code request_api_wrapper} sends:
	 * {@code requests.post(url, json=data, headers={"Content-Type": "application/json"})}
	 * writes these headers in this order and the body as {@code json.dumps} does (", "
	 * and ": " separators), with no cookie and no credentials.
	 */
	private static RawResponse postAsPythonRequests(URI url, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		String head = "POST " + url.getRawPath() + " HTTP/1.1\r\n" + "Host: " + url.getHost() + ":" + url.getPort()
				+ "\r\n" + "User-Agent: python-requests/2.32.3\r\n" + "Accept-Encoding: gzip, deflate\r\n"
				+ "Accept: */*\r\n" + "Connection: close\r\n" + "Content-Type: application/json\r\n"
				+ "Content-Length: " + body.length + "\r\n\r\n";
		try (Socket socket = new Socket(url.getHost(), url.getPort())) {
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			return parse(socket.getInputStream());
		}
	}

	private static RawResponse parse(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		in.transferTo(all);
		String text = all.toString(StandardCharsets.UTF_8);
		int split = text.indexOf("\r\n\r\n");
		String[] lines = text.substring(0, split).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		String contentType = "";
		boolean chunked = false;
		for (String line : lines) {
			String lower = line.toLowerCase();
			if (lower.startsWith("content-type:")) {
				contentType = line.substring(line.indexOf(':') + 1).strip();
			}
			if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
		}
		String body = text.substring(split + 4);
		return new RawResponse(status, contentType, chunked ? dechunked(body) : body);
	}

	private static String dechunked(String chunked) {
		StringBuilder body = new StringBuilder();
		int at = 0;
		while (true) {
			int lineEnd = chunked.indexOf("\r\n", at);
			int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
			if (size == 0) {
				return body.toString();
			}
			body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
			at = lineEnd + 2 + size + 2;
		}
	}

}
