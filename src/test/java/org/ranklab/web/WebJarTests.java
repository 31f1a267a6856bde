package org.ranklab.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.ranklab.ApiClient;
import org.ranklab.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages load browser libraries from their WebJars by URLs without a version (resolved by
 * webjars-locator-lite), so that each library's version is written only in pom.xml.
 */
class WebJarTests extends IntegrationTest {

	@ParameterizedTest
	@ValueSource(strings = { "/webjars/uplot/dist/uPlot.esm.js", "/webjars/uplot/dist/uPlot.min.css",
			"/webjars/sortablejs/modular/sortable.esm.js" })
	void libraryIsServedWithoutItsVersionInTheUrl(String path) {
		ApiClient.Response response = api.get(path, ApiClient.ANONYMOUS).expectStatus(200);

		assertThat(response.contentType()).containsAnyOf("javascript", "text/css");
		assertThat(response.body()).isNotBlank();
	}

}
