package org.ranklab.export;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.ranklab.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exports stream: the first lines reach the client while the database cursor is still
 * open and has handed out only a small part of the rankings, so neither the app nor the
 * driver holds the whole result.
 */
class ExportStreamingTests extends IntegrationTest {

	private static final int PROMPTS = 1000;

	private static final int LABELERS = 4;

	private static final int RANKINGS = PROMPTS * LABELERS;

	@Autowired
	private MeterRegistry meters;

	@Test
	void pairsReachTheClientWhileTheCursorIsStillOpen() throws Exception {
		long project = newProject("{\"name\":\"Streamed\",\"rankings_per_prompt\":4}");
		// 4,000 rankings of four 3,000-character candidates: 24,000 pairs, about 150 MB
		// of NDJSON.
		BulkRankings.create(jdbc, project, PROMPTS, LABELERS, 3000);
		double before = rowsRead();

		HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/projects/" + project + "/export/pairs"))
				.header("Authorization", admin().header())
				.build(), HttpResponse.BodyHandlers.ofInputStream());
		try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(body.readLine())
				.startsWith("{\"prompt\":\"Bulk prompt 1\\n\\\"quoted\\\" ünïcode\",\"chosen\":");

			// The client reads no further, so the export waits on a full connection with
			// its cursor open.
			Thread.sleep(300);
			assertThat(meters.get("ranklab.export.active").gauge().value()).isEqualTo(1);
			assertThat(rowsRead() - before).as("rankings read from the cursor when the first line arrived")
				.isLessThan(RANKINGS / 4);

			long lines = 1;
			while (body.readLine() != null) {
				lines++;
			}
			assertThat(lines).isEqualTo(RANKINGS * 6L);
		}
		assertThat(rowsRead() - before).isEqualTo(RANKINGS);
		assertThat(meters.get("ranklab.export.active").gauge().value()).isZero();
		String consensus = api.get("/api/v1/projects/" + project + "/export/consensus", admin())
			.expectStatus(200)
			.body();
		assertThat(consensus.lines()).hasSize(PROMPTS).allMatch(line -> line.contains("\"rankings\":4"));
	}

	private double rowsRead() {
		return meters.get("ranklab.export.rows").counter().count();
	}

}
