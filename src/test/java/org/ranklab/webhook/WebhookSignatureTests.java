package org.ranklab.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTests {

	/** The example of the Standard Webhooks reference libraries' tests. */
	@Test
	void signsLikeTheReferenceLibraries() {
		String signature = WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
				"msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

		assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void newSecretsAre32RandomBytesWithThePrefix() {
		String one = WebhookSignature.newSecret();
		String other = WebhookSignature.newSecret();

		assertThat(one).startsWith("whsec_").isNotEqualTo(other);
		assertThat(Base64.getDecoder().decode(one.substring("whsec_".length()))).hasSize(32);
	}

}
