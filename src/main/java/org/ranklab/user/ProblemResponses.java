package org.ranklab.user;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers unauthenticated ({@code 401}), throttled ({@code 429}) and forbidden
 * ({@code 403}) API calls with problem+json, like every other API error.
 */
@Component
class ProblemResponses {

	private final JsonMapper json;

	ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	/**
	 * 401, or 429 with {@code Retry-After} when sign-ins are throttled
	 * ({@link LoginThrottle}).
	 */
	AuthenticationEntryPoint unauthorized() {
		return (request, response, e) -> {
			if (e instanceof LoginThrottled throttled) {
				response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
				write(response, HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests", throttled.getMessage());
				return;
			}
			if (e instanceof InternalAuthenticationServiceException lookupFailed
					&& lookupFailed.getCause() instanceof RuntimeException cause) {
				// The user could not be looked up (say, the database is down): not the
				// caller's fault, so no 401;
				// the failure goes on to the web module's handling (503 while the
				// database is unreachable).
				throw cause;
			}
			// A page's own call whose session ended gets no Basic challenge: the browser
			// would answer it with its own password dialog instead of our login page.
			boolean pageCall = request.getRequestedSessionId() != null && !HeaderCredentials.carried(request);
			response.setHeader("WWW-Authenticate", pageCall ? "Bearer" : "Basic realm=\"RankLab\", Bearer");
			write(response, HttpStatus.UNAUTHORIZED, "Unauthorized",
					"valid credentials are required: HTTP Basic or a Bearer access token");
		};
	}

	AccessDeniedHandler forbidden() {
		return (request, response, e) -> write(response, HttpStatus.FORBIDDEN, "Forbidden",
				"your role does not allow this request");
	}

	private void write(HttpServletResponse response, HttpStatus status, String title, String detail)
			throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

}
