package org.ranklab.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing: a secret is {@code whsec_} and the base64 of 32 random
 * bytes; a signature is {@code v1,} and the base64 of the HMAC-SHA256, keyed with those
 * bytes, of {@code <webhook-id>.<webhook-timestamp>.<body>}.
 */
final class WebhookSignature {

	static final String PREFIX = "whsec_";

	private static final int SECRET_BYTES = 32;

	private static final SecureRandom RANDOM = new SecureRandom();

	private WebhookSignature() {
	}

	static String newSecret() {
		byte[] key = new byte[SECRET_BYTES];
		RANDOM.nextBytes(key);
		return PREFIX + Base64.getEncoder().encodeToString(key);
	}

	/** The {@code webhook-signature} header's value. */
	static String sign(String secret, String messageId, long timestamp, byte[] body) {
		if (!secret.startsWith(PREFIX)) {
			throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
		}
		try {
			Mac hmac = Mac.getInstance("HmacSHA256");
			hmac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(PREFIX.length())), "HmacSHA256"));
			hmac.update((messageId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(hmac.doFinal(body));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is not available", e);
		}
	}

}
