package org.ranklab.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts a job's secret (a model server's API key) for its queue entry, and other
 * modules' secrets that must be read again (webhook signing keys), with AES-256-GCM, so
 * that whoever reads the database (a backup, a read-only replica, a leaked dump) does not
 * read the key with it. The key comes from {@code ranklab.jobs.secret-key} (base64 of 32
 * bytes), the same on every instance; without it, from a file in the secrets directory
 * (not the data directory: a copy of the database files must not carry the key), created
 * on first use, which suits one instance or instances sharing that directory.
 */
public class JobSecrets {

	private static final Logger log = LoggerFactory.getLogger(JobSecrets.class);

	static final String PREFIX = "aes-gcm:";

	private static final int KEY_BYTES = 32;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecureRandom random = new SecureRandom();

	private final SecretKey key;

	private JobSecrets(byte[] key) {
		if (key.length != KEY_BYTES) {
			throw new IllegalArgumentException("ranklab.jobs.secret-key must be the base64 of " + KEY_BYTES
					+ " random bytes (e.g. `openssl rand -base64 32`), not " + key.length + " bytes");
		}
		this.key = new SecretKeySpec(key, "AES");
	}

	static JobSecrets withKey(String base64) {
		return new JobSecrets(Base64.getDecoder().decode(base64.strip()));
	}

	static final String KEY_FILE = "job-secret.key";

	/**
	 * The key in {@code file}, made (readable by this user only) when there is none yet;
	 * or the one in {@code formerFile}, where installations made before the secrets
	 * directory keep theirs (the data directory), until it is moved.
	 */
	static JobSecrets withKeyFile(Path file, Path formerFile) {
		if (Files.notExists(file) && Files.exists(formerFile)) {
			log.warn("The job secret key is in {}, beside the database files: move it to {}", formerFile, file);
			return withKeyFile(formerFile, formerFile);
		}
		try {
			if (Files.notExists(file)) {
				create(file);
			}
			return withKey(Files.readString(file, StandardCharsets.US_ASCII));
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read or create the job secret key " + file, e);
		}
	}

	private static void create(Path file) throws IOException {
		byte[] key = new byte[KEY_BYTES];
		new SecureRandom().nextBytes(key);
		Path dir = file.toAbsolutePath().getParent();
		if (Files.notExists(dir)) {
			Files.createDirectories(dir,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		}
		try {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
			log.info("Created the key that encrypts API keys of queued jobs: {}", file);
		}
		catch (FileAlreadyExistsException e) {
			// another instance sharing the directory made it first: use theirs
		}
	}

	public String seal(String secret) {
		if (secret == null) {
			return null;
		}
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
			return PREFIX + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM is not available", e);
		}
	}

	/**
	 * The secret; one written before secrets were encrypted passes as it is.
	 * @throws GeneralSecurityException when it was sealed with another key
	 */
	public String open(String stored) throws GeneralSecurityException {
		if (stored == null || !stored.startsWith(PREFIX)) {
			return stored;
		}
		byte[] sealed = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
		return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
	}

}
