package org.ranklab.prompt.generation;

import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import org.ranklab.outbound.OutboundPolicy;

import static org.assertj.core.api.Assertions.assertThat;

class CandidateCollectorTests {

	private final GenerationProperties properties = new GenerationProperties(4, Duration.ofSeconds(1),
			Duration.ofSeconds(1), 3, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(30),
			DataSize.ofMegabytes(1));

	private final CandidateCollector collector = new CandidateCollector(
			new ChatCompletionsClient(properties,
					new OutboundPolicy(java.util.List.of("127.0.0.1"), false, ChatCompletionsClientTests.NO_LOOKUPS)),
			properties, new GenerationSettings(URI.create("http://127.0.0.1:1/v1"), "m", 4, 1.0, 16, false), null);

	@Test
	void backsOffExponentiallyWithJitterUpToTheMaximum() {
		for (int i = 0; i < 50; i++) {
			assertThat(collector.pause(1, null)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
			assertThat(collector.pause(2, null)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
			assertThat(collector.pause(3, null)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
			assertThat(collector.pause(30, null)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
		}
	}

	@Test
	void followsRetryAfterButNoLongerThanAllowed() {
		assertThat(collector.pause(1, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
		assertThat(collector.pause(5, Duration.ZERO)).isEqualTo(Duration.ZERO);
		assertThat(collector.pause(1, Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void readsRetryAfterInSecondsOrAsADate() {
		assertThat(ChatCompletionsClient.parseRetryAfter("3")).contains(Duration.ofSeconds(3));
		assertThat(ChatCompletionsClient.parseRetryAfter(" 0 ")).contains(Duration.ZERO);
		String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(10));
		assertThat(ChatCompletionsClient.parseRetryAfter(inTenSeconds).orElseThrow()).isBetween(Duration.ofSeconds(8),
				Duration.ofSeconds(10));
		assertThat(ChatCompletionsClient.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
		assertThat(ChatCompletionsClient.parseRetryAfter("soon")).isEmpty();
	}

	@Test
	void joinsTheBaseUrlAndThePathWhateverTheTrailingSlashes() {
		GenerationSettings settings = new GenerationSettings(URI.create("https://api.example.org/v1//"), "m", 4, 1.0,
				16, false);

		assertThat(settings.chatCompletions()).isEqualTo(URI.create("https://api.example.org/v1/chat/completions"));
	}

}
