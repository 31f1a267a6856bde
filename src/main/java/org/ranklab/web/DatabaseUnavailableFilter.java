package org.ranklab.web;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database is unreachable (stopped, restarting, connection pool waiting in
 * vain), every request that needs it, including the credential check in the security
 * filters, fails with a connection error. Outermost of all filters, this answers those
 * with {@code 503} and {@code Retry-After} as a problem, instead of a bare 500 (or,
 * worse, a 401 that tells the caller its credentials are wrong). The app needs no restart
 * afterwards: the pool reconnects on its own.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	static final String RETRY_AFTER_SECONDS = "5";

	/**
	 * What the pool throws, without an SQL state, when a transaction is rolled back on a
	 * connection that broke.
	 */
	private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	private final JsonMapper json;

	private final PathMask mask;

	DatabaseUnavailableFilter(JsonMapper json, PathMask mask) {
		this.json = json;
		this.mask = mask;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException e) {
			if (!isDatabaseUnavailable(e) || response.isCommitted()) {
				throw e;
			}
			log.warn("{} {}: database unavailable ({})", request.getMethod(), mask.masked(request.getRequestURI()),
					rootCause(e).toString());
			response.reset();
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					"the database is unavailable; try again in a few seconds");
			json.writeValue(response.getOutputStream(), problem);
		}
	}

	/**
	 * A connection that could not be had or broke: SQL states of class 08 (connection
	 * exception) and 57P (server shutting down or starting), the pool's timeout, Spring's
	 * translation of them, or a commit or rollback that failed on a broken connection
	 * (the pool's "Connection is closed" carries no SQL state).
	 */
	static boolean isDatabaseUnavailable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException) {
				return true;
			}
			if (cause instanceof TransactionSystemException transaction) {
				return transaction.getMostSpecificCause() instanceof SQLException
						|| (transaction.getApplicationException() != null
								&& isDatabaseUnavailable(transaction.getApplicationException()));
			}
			if (cause instanceof SQLException sql
					&& (isConnectionState(sql.getSQLState()) || HIKARI_CLOSED_CONNECTION.equals(sql.getMessage()))) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	private static boolean isConnectionState(String state) {
		return state != null && (state.startsWith("08") || state.startsWith("57P"));
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

}
