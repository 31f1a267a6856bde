package org.ranklab.training;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import org.ranklab.training.ServingKeyStore.ServingKey;
import org.ranklab.user.RankLabUser;

/** Reward-serving keys of a model (ADMIN): made, listed without their values, revoked. */
@RestController
class ServingKeyController {

	private final ServingKeys keys;

	ServingKeyController(ServingKeys keys) {
		this.keys = keys;
	}

	/** The key's value and URL, shown this once. */
	record CreatedKey(String id, String key, String url, String keyPrefix, Instant createdAt) {
	}

	/** A key as listed: its first characters, never its value. */
	record ListedKey(String id, String keyPrefix, String createdBy, Instant createdAt, Instant revokedAt) {

		static ListedKey of(ServingKey key) {
			return new ListedKey(key.id(), key.keyPrefix(), key.createdBy(), key.createdAt(), key.revokedAt());
		}

	}

	@PostMapping("/api/v1/reward-models/{id}/serving-keys")
	@Operation(summary = "Make a reward-serving key for the model",
			description = "The key and the URL that scores with it (POST, no other credentials) are shown only "
					+ "here; the key is stored as its SHA-256.")
	@ApiResponse(responseCode = "201", description = "the key, shown once, and its URL")
	@ApiResponse(responseCode = "404", description = "no such model")
	ResponseEntity<CreatedKey> create(@PathVariable long id, @AuthenticationPrincipal RankLabUser user) {
		ServingKeys.IssuedKey issued = keys.create(id, user.getUsername());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new CreatedKey(issued.key().id(), issued.value(), url(issued.value()), issued.key().keyPrefix(),
					issued.key().createdAt()));
	}

	@GetMapping("/api/v1/reward-models/{id}/serving-keys")
	@Operation(summary = "List the model's reward-serving keys (their first characters, never the keys)")
	List<ListedKey> list(@PathVariable long id) {
		return keys.of(id).stream().map(ListedKey::of).toList();
	}

	@DeleteMapping("/api/v1/reward-models/{id}/serving-keys/{keyId}")
	@Operation(summary = "Revoke a reward-serving key (at once; revoking again changes nothing)")
	@ApiResponse(responseCode = "204", description = "revoked")
	@ApiResponse(responseCode = "404", description = "no such key of this model")
	ResponseEntity<Void> revoke(@PathVariable long id, @PathVariable long keyId) {
		keys.revoke(id, keyId);
		return ResponseEntity.noContent().build();
	}

	/** The absolute URL a training loop posts to, as this request reached the app. */
	static String url(String key) {
		return ServletUriComponentsBuilder.fromCurrentContextPath()
			.path(RewardServingController.PATH)
			.path(key)
			.build()
			.toUriString();
	}

}
