package org.ranklab.user;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Where an API call's user comes from: its {@code Authorization: Basic} or {@code Bearer}
 * header when it has one, and then only from that header, never from a session cookie
 * sent along with it. So such a call is either authenticated by its header (which a
 * browser never adds to a forged cross-site request) or refused with 401, and it may skip
 * CSRF; every other call that changes state with a session still needs the CSRF token,
 * whatever else its {@code Authorization} header says.
 * <p>
 * Without this, HTTP Basic accepts a wrong password for the user the session already
 * belongs to (it re-authenticates only another user), and a header of another scheme
 * authenticates nothing while the session does.
 */
final class HeaderCredentials implements SecurityContextRepository {

	private final SecurityContextRepository session;

	/**
	 * @param session where calls without such a header find their user: the session
	 * ({@link AccountCheckedSessions})
	 */
	HeaderCredentials(SecurityContextRepository session) {
		this.session = session;
	}

	/** Whether the request carries credentials that it must be authenticated by. */
	static boolean carried(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		return header != null && (hasScheme(header, "Basic ") || hasScheme(header, BearerTokenFilter.SCHEME));
	}

	private static boolean hasScheme(String header, String scheme) {
		return header.regionMatches(true, 0, scheme, 0, scheme.length());
	}

	@Override
	public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
		if (!carried(request)) {
			return session.loadDeferredContext(request);
		}
		SecurityContext empty = SecurityContextHolder.createEmptyContext();
		return new DeferredSecurityContext() {

			@Override
			public SecurityContext get() {
				return empty;
			}

			@Override
			public boolean isGenerated() {
				return true;
			}

		};
	}

	@Override
	@SuppressWarnings("deprecation")
	public SecurityContext loadContext(HttpRequestResponseHolder holder) {
		return carried(holder.getRequest()) ? SecurityContextHolder.createEmptyContext() : session.loadContext(holder);
	}

	@Override
	public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
		session.saveContext(context, request, response);
	}

	@Override
	public boolean containsContext(HttpServletRequest request) {
		return !carried(request) && session.containsContext(request);
	}

}
