package org.ranklab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A random secret kept in a file that only this user may read, in
 * {@code ranklab.secrets-dir}: apart from the database files, so that a copy of those (a
 * backup, a volume snapshot) does not carry the keys with it.
 */
final class SecretFile {

	private SecretFile() {
	}

	/** The secret in {@code file}, made (32 random bytes, URL-safe base64) if missing. */
	static String readOrCreate(Path file) throws IOException {
		if (Files.notExists(file)) {
			Path dir = file.toAbsolutePath().getParent();
			if (Files.notExists(dir)) {
				Files.createDirectories(dir,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			}
			try {
				Files.writeString(
						Files.createFile(file,
								PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
						random(), StandardCharsets.US_ASCII);
			}
			catch (FileAlreadyExistsException e) {
				// made meanwhile by another instance sharing the directory: theirs counts
			}
		}
		return Files.readString(file, StandardCharsets.US_ASCII).strip();
	}

	static String random() {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
	}

}
