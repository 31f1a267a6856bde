package org.ranklab.prompt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import org.ranklab.ApiClient;

/**
 * Import requests the shared {@link ApiClient} cannot make: raw bytes, streamed bodies
 * and multipart uploads.
 */
final class ImportRequests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	ImportRequests(int port) {
		this.baseUrl = "http://127.0.0.1:" + port;
	}

	ApiClient.Response bytes(long projectId, ApiClient.Credentials credentials, String contentType, byte[] body) {
		return send(request(projectId, credentials, contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	ApiClient.Response text(long projectId, ApiClient.Credentials credentials, String contentType, String body) {
		return bytes(projectId, credentials, contentType, body.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A body of unknown length, sent with chunked transfer encoding as it is produced.
	 */
	ApiClient.Response stream(long projectId, ApiClient.Credentials credentials, String contentType,
			Supplier<InputStream> body) {
		return send(request(projectId, credentials, contentType).POST(HttpRequest.BodyPublishers.ofInputStream(body)));
	}

	ApiClient.Response upload(long projectId, ApiClient.Credentials credentials, String fileName, String partType,
			byte[] content) {
		String boundary = "----ranklab" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\n" + (partType == null ? "" : "Content-Type: " + partType + "\r\n") + "\r\n";
		body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return bytes(projectId, credentials, "multipart/form-data; boundary=" + boundary, body.toByteArray());
	}

	private HttpRequest.Builder request(long projectId, ApiClient.Credentials credentials, String contentType) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(baseUrl + "/api/v1/projects/" + projectId + "/prompts"))
			.timeout(Duration.ofSeconds(60));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (credentials.header() != null) {
			request.header("Authorization", credentials.header());
		}
		return request;
	}

	private ApiClient.Response send(HttpRequest.Builder request) {
		try {
			return new ApiClient.Response(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException e) {
			throw new IllegalStateException("import request failed", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
