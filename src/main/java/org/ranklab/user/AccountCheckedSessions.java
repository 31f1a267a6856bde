package org.ranklab.user;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The user a browser session is signed in as, checked against their account on every
 * request that needs it. A disabled account, or one whose sessions were ended since the
 * session signed in (its {@code session_epoch} moved on: disabled, password changed),
 * signs the session out at once; a changed role takes effect at once.
 * <p>
 * The account's state lives in PostgreSQL, not in one instance's memory (as a
 * {@code SessionRegistry} would keep it), so a change made on one instance ends the
 * sessions held by every other. The cost is one primary-key read per request that a
 * session authenticates, and only when the request needs its user: pages open to all
 * (style sheets, scripts) never ask. Calls with a Basic or Bearer header are checked by
 * their own credential look-up instead ({@link HeaderCredentials}).
 * <p>
 * Signing out removes the session's security context but keeps the session (and its CSRF
 * token), so that a page's next call is answered {@code 401}, which sends the page to the
 * login page, and not a bare CSRF {@code 403}.
 */
@Component
class AccountCheckedSessions implements SecurityContextRepository {

	private final SecurityContextRepository sessions = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	private final JdbcClient jdbc;

	AccountCheckedSessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record AccountState(Role role, boolean disabled, int sessionEpoch) {
	}

	@Override
	public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
		DeferredSecurityContext stored = sessions.loadDeferredContext(request);
		return new DeferredSecurityContext() {

			private SecurityContext checked;

			@Override
			public SecurityContext get() {
				if (checked == null) {
					checked = check(stored.get(), request);
				}
				return checked;
			}

			@Override
			public boolean isGenerated() {
				return stored.isGenerated() || get() != stored.get();
			}

		};
	}

	@Override
	@SuppressWarnings("deprecation")
	public SecurityContext loadContext(HttpRequestResponseHolder holder) {
		return check(sessions.loadContext(holder), holder.getRequest());
	}

	@Override
	public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
		sessions.saveContext(context, request, response);
	}

	@Override
	public boolean containsContext(HttpServletRequest request) {
		return sessions.containsContext(request);
	}

	/**
	 * After a user changed their own password: the session they did it in, if the request
	 * came with one, stays signed in (their other sessions end).
	 */
	void keepSignedIn(HttpServletRequest request, RankLabUser user, int sessionEpoch) {
		HttpSession session = HeaderCredentials.carried(request) ? null : request.getSession(false);
		if (session != null && signedInUser(sessionContext(session)).filter(u -> u.id() == user.id()).isPresent()) {
			session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
					contextOf(user.withSessionEpoch(sessionEpoch)));
		}
	}

	private SecurityContext check(SecurityContext context, HttpServletRequest request) {
		Optional<RankLabUser> user = signedInUser(context);
		if (user.isEmpty()) {
			return context;
		}
		Optional<AccountState> account = jdbc
			.sql("SELECT role, disabled_at IS NOT NULL AS disabled, session_epoch FROM users WHERE id = ?")
			.param(user.get().id())
			.query((row, n) -> new AccountState(Role.valueOf(row.getString("role")), row.getBoolean("disabled"),
					row.getInt("session_epoch")))
			.optional();
		HttpSession session = request.getSession(false);
		if (account.isEmpty() || account.get().disabled()
				|| account.get().sessionEpoch() != user.get().sessionEpoch()) {
			if (session != null) {
				session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
			}
			return SecurityContextHolder.createEmptyContext();
		}
		if (account.get().role() != user.get().role()) {
			SecurityContext current = contextOf(user.get().withRole(account.get().role()));
			if (session != null) {
				session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, current);
			}
			return current;
		}
		return context;
	}

	private static SecurityContext sessionContext(HttpSession session) {
		return session.getAttribute(
				HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context
						? context : null;
	}

	private static Optional<RankLabUser> signedInUser(SecurityContext context) {
		Authentication authentication = context == null ? null : context.getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof RankLabUser user ? Optional.of(user)
				: Optional.empty();
	}

	private static SecurityContext contextOf(RankLabUser user) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		return context;
	}

}
