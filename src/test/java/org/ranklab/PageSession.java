package org.ranklab;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session without a browser: a cookie jar signed in through the login form,
 * sending page requests and the pages' own API calls (with the CSRF token, as
 * {@code api.js} does), on loopback only.
 */
public final class PageSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private final String baseUrl;

	private String csrfToken;

	private String lastLogin;

	private PageSession(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * A session signed in with this username and password; whether that worked is up to
	 * the caller ({@link #signedIn}).
	 */
	public static PageSession signIn(int port, String username, String password) {
		PageSession session = new PageSession("http://127.0.0.1:" + port);
		session.csrfToken = csrfTokenOf(session.get("/login").body());
		HttpResponse<String> login = session.postForm("/login",
				"username=" + encode(username) + "&password=" + encode(password));
		session.lastLogin = login.headers().firstValue("Location").orElse("");
		session.csrfToken = csrfTokenOf(session.get("/login").body());
		return session;
	}

	/** Where the sign-in went: {@code /} when it worked, {@code /login?...} when not. */
	public String signInLocation() {
		return lastLogin;
	}

	public boolean signedIn() {
		return !lastLogin.contains("/login");
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	/** A page form, with the session's CSRF token. */
	public HttpResponse<String> postForm(String path, String form) {
		String body = form.isEmpty() ? "_csrf=" + csrfToken : form + "&_csrf=" + csrfToken;
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * A call of a page's script: JSON, the CSRF header, no credentials but the cookie.
	 */
	public HttpResponse<String> call(String method, String path, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Accept", "application/json")
			.header("X-CSRF-TOKEN", csrfToken)
			.method(method,
					json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return send(request);
	}

	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private URI uri(String path) {
		return URI.create(baseUrl + path);
	}

	private static String csrfTokenOf(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("the page carries no CSRF token");
		}
		return matcher.group(1);
	}

}
