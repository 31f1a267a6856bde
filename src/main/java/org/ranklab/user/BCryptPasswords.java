package org.ranklab.user;

import java.nio.charset.StandardCharsets;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt, which reads only the first {@value PasswordRule#MAX_BYTES} bytes of a password:
 * a longer one is never set ({@link PasswordRule}), and one given at sign-in never
 * matches, where BCrypt alone would accept anything that starts with the password.
 */
final class BCryptPasswords implements PasswordEncoder {

	private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

	@Override
	public String encode(CharSequence rawPassword) {
		return bcrypt.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword != null
				&& rawPassword.toString().getBytes(StandardCharsets.UTF_8).length > PasswordRule.MAX_BYTES) {
			return false;
		}
		return bcrypt.matches(rawPassword, encodedPassword);
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return bcrypt.upgradeEncoding(encodedPassword);
	}

}
