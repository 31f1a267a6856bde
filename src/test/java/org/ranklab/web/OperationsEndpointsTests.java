package org.ranklab.web;

import org.junit.jupiter.api.Test;

import org.ranklab.ApiClient;
import org.ranklab.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class OperationsEndpointsTests extends IntegrationTest {

	@Test
	void healthIsPublicAndUp() {
		String body = api.get("/actuator/health", ApiClient.ANONYMOUS).expectStatus(200).body();

		assertThat(body).contains("\"status\":\"UP\"");
	}

	@Test
	void prometheusMetricsNeedAnAdmin() {
		api.get("/actuator/prometheus", ApiClient.ANONYMOUS).expectProblem(401);
		api.get("/actuator/prometheus", newLabeler()).expectProblem(403);

		assertThat(api.get("/actuator/prometheus", admin()).expectStatus(200).body()).contains("jvm_memory_used_bytes")
			.contains("http_server_requests");
	}

	@Test
	void openApiDocumentDescribesTheApi() {
		var doc = api.get("/v3/api-docs", ApiClient.ANONYMOUS).expectStatus(200).json();

		assertThat(doc.path("paths").has("/api/v1/projects")).isTrue();
		assertThat(doc.path("paths").has("/api/v1/users")).isTrue();
		assertThat(doc.path("paths").has("/api/v1/tokens")).isTrue();
		api.get("/swagger-ui.html", ApiClient.ANONYMOUS).expectStatus(302);
	}

}
