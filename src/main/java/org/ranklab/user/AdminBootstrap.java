package org.ranklab.user;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import org.ranklab.web.ConflictException;

/**
 * Creates the first admin when the database has no users, with the configured password
 * or, failing that, a random one that is logged exactly once.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final UserAccounts accounts;

	private final AdminProperties admin;

	AdminBootstrap(UserAccounts accounts, AdminProperties admin) {
		this.accounts = accounts;
		this.admin = admin;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!accounts.none()) {
			return;
		}
		boolean generated = admin.password() == null || admin.password().isBlank();
		if (!generated) {
			PasswordRule.Check.problemWith(admin.password()).ifPresent(problem -> {
				throw new IllegalStateException("RANKLAB_ADMIN_PASSWORD " + problem);
			});
		}
		String password = generated ? randomPassword() : admin.password();
		try {
			accounts.create(new NewUser(admin.username(), password, Role.ADMIN));
		}
		catch (ConflictException anotherInstanceWasFaster) {
			return;
		}
		if (generated) {
			log.warn("Created admin '{}' with generated password: {}  (set RANKLAB_ADMIN_PASSWORD to choose one)",
					admin.username(), password);
		}
		else {
			log.info("Created admin '{}' with the password from RANKLAB_ADMIN_PASSWORD", admin.username());
		}
	}

	private static String randomPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
