package org.ranklab.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobSecretsTests {

	private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	@Test
	void sealedSecretOpensAgainButDoesNotShowIt() throws GeneralSecurityException {
		JobSecrets secrets = JobSecrets.withKey(KEY);

		String sealed = secrets.seal("sk-live-1234");

		assertThat(sealed).startsWith(JobSecrets.PREFIX)
			.doesNotContain("sk-live-1234")
			.doesNotContain(Base64.getEncoder().encodeToString("sk-live-1234".getBytes()));
		assertThat(secrets.open(sealed)).isEqualTo("sk-live-1234");
	}

	@Test
	void sealingTwiceGivesDifferentTexts() {
		JobSecrets secrets = JobSecrets.withKey(KEY);

		assertThat(secrets.seal("same")).isNotEqualTo(secrets.seal("same"));
	}

	@Test
	void anotherKeyCannotOpenIt() {
		String sealed = JobSecrets.withKey(KEY).seal("sk-live-1234");
		JobSecrets other = JobSecrets.withKey(Base64.getEncoder()
			.encodeToString(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
					23, 24, 25, 26, 27, 28, 29, 30, 31, 32 }));

		assertThatThrownBy(() -> other.open(sealed)).isInstanceOf(GeneralSecurityException.class);
	}

	@Test
	void noSecretStaysNone() throws GeneralSecurityException {
		JobSecrets secrets = JobSecrets.withKey(KEY);

		assertThat(secrets.seal(null)).isNull();
		assertThat(secrets.open(null)).isNull();
	}

	@Test
	void secretQueuedBeforeEncryptionPassesAsItIs() throws GeneralSecurityException {
		assertThat(JobSecrets.withKey(KEY).open("sk-plain")).isEqualTo("sk-plain");
	}

	@Test
	void refusesAKeyOfTheWrongLength() {
		assertThatIllegalArgumentException().isThrownBy(() -> JobSecrets.withKey("c2hvcnQ="))
			.withMessageContaining("32");
	}

	@Test
	void keyFileIsMadeOnceReadableOnlyByItsOwnerAndKept(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("secrets/job-secret.key");
		Path former = dir.resolve("data/job-secret.key");

		String sealed = JobSecrets.withKeyFile(file, former).seal("sk-live-1234");

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
			.isEqualTo("rwx------");
		assertThat(former).doesNotExist();
		assertThat(JobSecrets.withKeyFile(file, former).open(sealed)).as("after a restart").isEqualTo("sk-live-1234");
	}

	@Test
	void keyFileOfAnEarlierInstallationInTheDataDirectoryIsStillUsed(@TempDir Path dir) throws Exception {
		Path former = dir.resolve("data/job-secret.key");
		String sealed = JobSecrets.withKeyFile(former, former).seal("sk-live-1234");
		Path file = dir.resolve("secrets/job-secret.key");

		assertThat(JobSecrets.withKeyFile(file, former).open(sealed)).isEqualTo("sk-live-1234");
		assertThat(file).as("no second key").doesNotExist();
	}

}
