package org.ranklab;

import java.sql.DriverManager;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL listens on loopback, where every local user and process can
 * reach it: its superuser needs a password.
 */
class EmbeddedPostgresTests extends IntegrationTest {

	@Autowired
	EmbeddedPostgres postgres;

	@Test
	void aLocalConnectionWithoutThePasswordIsRefused() {
		String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";

		assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
			.hasMessageContaining("password");
		assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "guess").close())
			.hasMessageContaining("password");
	}

}
