package org.ranklab;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the application as {@code ./mvnw spring-boot:run} does, twice on one data
 * directory: what was stored before the restart is there after it, and the generated
 * admin password is logged only once.
 */
@ExtendWith(OutputCaptureExtension.class)
class DataSurvivesRestartTests {

	private static final Pattern GENERATED = Pattern.compile("Created admin 'admin' with generated password: (\\S+)");

	@TempDir
	Path dataDir;

	@Test
	void usersAndProjectsSurviveARestart(CapturedOutput output) {
		ApiClient.Credentials admin;
		try (ConfigurableApplicationContext app = start()) {
			Matcher generated = GENERATED.matcher(output.getOut());
			assertThat(generated.find()).as("generated admin password is logged").isTrue();
			admin = ApiClient.basic("admin", generated.group(1));
			ApiClient api = client(app);
			api.post("/api/v1/users", admin,
					"{\"username\":\"kept\",\"password\":\"kept-password\",\"role\":\"LABELER\"}")
				.expectStatus(201);
			api.post("/api/v1/projects", admin, "{\"name\":\"Kept project\"}").expectStatus(201);
		}

		try (ConfigurableApplicationContext app = start()) {
			ApiClient api = client(app);
			assertThat(api.get("/api/v1/projects", ApiClient.basic("kept", "kept-password")).expectStatus(200).body())
				.contains("Kept project");
			api.get("/api/v1/users", admin).expectStatus(200);
			Matcher generated = GENERATED.matcher(output.getOut());
			assertThat(generated.results().count()).as("password generated only on the first start").isEqualTo(1);
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(RankLabApplication.class).run("--server.port=0",
				"--ranklab.data-dir=" + dataDir, "--ranklab.admin.password=", "--spring.main.banner-mode=off");
	}

	private static ApiClient client(ConfigurableApplicationContext app) {
		return new ApiClient("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
	}

}
