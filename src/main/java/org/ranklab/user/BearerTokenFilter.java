package org.ranklab.user;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} with a personal access token; a bad
 * token is a 401.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	static final String SCHEME = "Bearer ";

	private final AccessTokens tokens;

	private final AuthenticationEntryPoint unauthorized;

	BearerTokenFilter(AccessTokens tokens, AuthenticationEntryPoint unauthorized) {
		this.tokens = tokens;
		this.unauthorized = unauthorized;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			chain.doFilter(request, response);
			return;
		}
		Optional<RankLabUser> user = tokens.authenticate(header.substring(SCHEME.length()).strip());
		if (user.isEmpty()) {
			SecurityContextHolder.clearContext();
			unauthorized.commence(request, response, new BadCredentialsException("unknown or revoked token"));
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(user.get(), null, user.get().getAuthorities()));
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}

}
