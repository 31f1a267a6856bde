package org.ranklab.user;

import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Username and password sign-in (the login form and HTTP Basic on the API), behind the
 * {@link LoginThrottle}: a throttled username or address is refused before the password
 * is checked, every wrong password counts. A disabled account is refused even with the
 * right password.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final LoginThrottle throttle;

	ThrottledAuthenticationProvider(UserAccounts accounts, PasswordEncoder encoder, LoginThrottle throttle) {
		this.passwords = new DaoAuthenticationProvider(accounts);
		this.passwords.setPasswordEncoder(encoder);
		// A disabled account is told only to whoever knows its password: checked after
		// the password, not before (Spring's default), which would tell anyone.
		this.passwords.setPreAuthenticationChecks(user -> {
		});
		this.passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : null;
		LoginThrottle.Standing standing = throttle.standing(username, address);
		if (standing.locked()) {
			throw new LoginThrottled(standing.retryAfter());
		}
		try {
			Authentication authenticated = passwords.authenticate(authentication);
			if (standing.userHasFailures()) {
				throttle.succeeded(username);
			}
			return authenticated;
		}
		catch (BadCredentialsException e) {
			throttle.failed(username, address);
			throw e;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
