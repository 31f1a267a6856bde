package org.ranklab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

	@TempDir
	Path secretsDir;

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

	@Test
	void aDataDirectoryMadeBeforeItHadAPasswordGetsOneAndKeepsItsData() throws Exception {
		// As the app made them before: zonky's initdb, every local connection trusted.
		try (EmbeddedPostgres before = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir.resolve("postgres"))
			.setCleanDataDirectory(false)
			.start(); Connection connection = before.getPostgresDatabase().getConnection()) {
			connection.createStatement().execute("CREATE DATABASE kept_before");
		}

		try (ConfigurableApplicationContext app = start()) {
			int port = app.getBean(EmbeddedPostgres.class).getPort();
			Path passwordFile = secretsDir.resolve("postgres-password");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
				.isEqualTo("rw-------");
			assertThatThrownBy(() -> connect(port, "")).isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> connect(port, "wrong")).isInstanceOf(SQLException.class);
			try (Connection connection = connect(port, Files.readString(passwordFile).strip())) {
				assertThat(connection.createStatement()
					.executeQuery("SELECT count(*) FROM pg_database WHERE datname = 'kept_before'")
					.next()).isTrue();
			}
			assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf")))
				.doesNotContainPattern("\\strust\\s*\\n");
		}

		try (ConfigurableApplicationContext app = start()) {
			assertThatThrownBy(() -> connect(app.getBean(EmbeddedPostgres.class).getPort(), "")).as("after a restart")
				.isInstanceOf(SQLException.class);
		}
	}

	@Test
	void keysAreKeptApartFromTheDatabaseFiles() {
		try (ConfigurableApplicationContext app = start()) {
			assertThat(secretsDir.resolve("postgres-password")).exists();
			assertThat(secretsDir.resolve("job-secret.key")).exists();
			assertThat(dataDir.resolve("job-secret.key")).doesNotExist();
		}
	}

	private static Connection connect(int port, String password) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", password);
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(RankLabApplication.class).run("--server.port=0",
				"--ranklab.data-dir=" + dataDir, "--ranklab.secrets-dir=" + secretsDir, "--ranklab.admin.password=",
				"--spring.main.banner-mode=off");
	}

	private static ApiClient client(ConfigurableApplicationContext app) {
		return new ApiClient("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
	}

}
