package org.ranklab.user;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.ranklab.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session cookie stays out of scripts' and other sites' reach, and off plain HTTP
 * once HTTPS is used.
 */
class SessionCookieTests extends IntegrationTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void sessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
		String cookie = sessionCookie(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")));

		assertThat(cookie).containsIgnoringCase("; HttpOnly").containsIgnoringCase("; SameSite=Lax");
		assertThat(cookie).as("plain HTTP without a proxy saying HTTPS").doesNotContainIgnoringCase("; Secure");
	}

	@Test
	void sessionCookieIsSecureWhenAProxyReportsHttps() throws Exception {
		String cookie = sessionCookie(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
			.header("X-Forwarded-Proto", "https"));

		assertThat(cookie).containsIgnoringCase("; Secure").containsIgnoringCase("; HttpOnly");
	}

	private String sessionCookie(HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		List<String> cookies = response.headers().allValues("Set-Cookie");
		return cookies.stream()
			.filter(cookie -> cookie.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
	}

}
