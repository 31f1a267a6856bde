package org.ranklab.user;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Back to the login page after a failed sign-in: "wrong username or password", "this
 * account is disabled" (only ever said after the right password), or, when throttled, how
 * long to wait (passed as a flash attribute, so the page never shows a number taken from
 * the URL).
 */
class LoginFailurePage implements AuthenticationFailureHandler {

	private final AuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler(
			"/login?error");

	private final AuthenticationFailureHandler disabled = new SimpleUrlAuthenticationFailureHandler("/login?disabled");

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, jakarta.servlet.ServletException {
		if (exception instanceof DisabledException) {
			disabled.onAuthenticationFailure(request, response, exception);
			return;
		}
		if (!(exception instanceof LoginThrottled throttled)) {
			wrongPassword.onAuthenticationFailure(request, response, exception);
			return;
		}
		FlashMap flash = new FlashMap();
		flash.put("retryAfterSeconds", throttled.retryAfterSeconds());
		flash.setTargetRequestPath(request.getContextPath() + "/login");
		new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
		response.sendRedirect(response.encodeRedirectURL(request.getContextPath() + "/login?throttled"));
	}

}
