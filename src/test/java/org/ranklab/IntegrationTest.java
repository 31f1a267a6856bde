package org.ranklab;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of every integration test: one application context, one embedded PostgreSQL and
 * one real HTTP server for the whole test JVM, so keep this annotation set identical
 * everywhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class IntegrationTest {

	public static final String ADMIN = "admin";

	public static final String ADMIN_PASSWORD = "admin-password-for-tests";

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	protected ApiClient api;

	@BeforeEach
	void connectClient() {
		api = new ApiClient("http://127.0.0.1:" + port);
	}

	protected ApiClient.Credentials admin() {
		return ApiClient.basic(ADMIN, ADMIN_PASSWORD);
	}

	/**
	 * Creates a project from a JSON body (at least {@code {"name": ...}}) and returns its
	 * id.
	 */
	protected long newProject(String json) {
		return Long
			.parseLong(api.post("/api/v1/projects", admin(), json).expectStatus(201).json().path("id").asString());
	}

	/** Creates a labeler with a unique name and returns its credentials. */
	protected ApiClient.Credentials newLabeler() {
		String username = "labeler-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		String password = "password-" + username;
		api.post("/api/v1/users", admin(),
				"{\"username\":\"%s\",\"password\":\"%s\",\"role\":\"LABELER\"}".formatted(username, password))
			.expectStatus(201);
		return ApiClient.basic(username, password);
	}

	/** The id of the user with these Basic credentials. */
	protected long userIdOf(ApiClient.Credentials basic) {
		String pair = new String(java.util.Base64.getDecoder().decode(basic.header().substring("Basic ".length())),
				java.nio.charset.StandardCharsets.UTF_8);
		return jdbc.sql("SELECT id FROM users WHERE username = ?")
			.param(pair.substring(0, pair.indexOf(':')))
			.query(Long.class)
			.single();
	}

	/**
	 * A db-scheduler queue entry for the job due in an hour, as if no worker had picked
	 * it up yet.
	 * @param taskData the entry's JSON, e.g. {@code {"jobId": 1}}
	 */
	protected void queueForLater(long jobId, String taskData) {
		jdbc.sql("""
				INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)
				VALUES ('ranklab-job', ?, convert_to(?, 'UTF8'), now() + interval '1 hour', false, 1)""")
			.params(Long.toString(jobId), taskData)
			.update();
	}

}
