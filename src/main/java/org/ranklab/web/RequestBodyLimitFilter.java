package org.ranklab.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Limits every request body, per endpoint ({@link BodyLimits}), before anything reads it.
 * A body declared larger is refused with {@code 413} at once, one streamed without a
 * length as soon as it passes the limit. Multipart bodies are refused ({@code 415})
 * except where uploads are taken, so no other endpoint, nor the security filters looking
 * for a CSRF or login parameter, ever parses one.
 * <p>
 * Runs right after {@link DatabaseUnavailableFilter}, before the security filters: a
 * body's size says nothing about who sent it, and refusing it first costs nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final BodyLimits limits;

	private final JsonMapper json;

	private final PathMask mask;

	RequestBodyLimitFilter(BodyLimits limits, JsonMapper json, PathMask mask) {
		this.mask = mask;
		this.limits = limits;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		BodyLimits.Rule rule = limits.ruleFor(request);
		if (!rule.uploads() && isMultipart(request)) {
			refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					ApiExceptionHandler.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
							"this endpoint takes no multipart body: only file uploads (the prompt import) do", null));
			return;
		}
		if (request.getContentLengthLong() > rule.maxBytes()) {
			refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, ApiExceptionHandler.tooLarge(rule.maxBytes()));
			return;
		}
		chain.doFilter(new LimitedRequest(request, rule.maxBytes()), response);
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			ProblemDetail problem) throws IOException {
		problem.setInstance(java.net.URI.create(mask.masked(request.getRequestURI())));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

	/** The request with its body counted as it is read. */
	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long maxBytes;

		private ServletInputStream body;

		LimitedRequest(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (body == null) {
				body = new LimitedInputStream(super.getInputStream(), maxBytes);
			}
			return body;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

	/**
	 * Throws {@link MaxUploadSizeExceededException} ({@code 413}) once more than the
	 * limit was read.
	 */
	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long maxBytes;

		private long count;

		LimitedInputStream(ServletInputStream in, long maxBytes) {
			this.in = in;
			this.maxBytes = maxBytes;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			if (n > 0) {
				counted(n);
			}
			return n;
		}

		private void counted(long n) {
			count += n;
			if (count > maxBytes) {
				throw new MaxUploadSizeExceededException(maxBytes);
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}

	}

}
