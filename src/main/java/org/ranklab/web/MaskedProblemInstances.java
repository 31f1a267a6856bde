package org.ranklab.web;

import java.net.URI;
import java.util.Map;

import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Spring echoes the request path in a problem's {@code instance} and in the error page's
 * {@code path}: both go through {@link PathMask}, so that a secret in a path is not
 * written into responses (where proxies and client logs keep them).
 */
final class MaskedProblemInstances {

	private MaskedProblemInstances() {
	}

	@ControllerAdvice
	static class Problems implements ResponseBodyAdvice<Object> {

		private final PathMask mask;

		Problems(PathMask mask) {
			this.mask = mask;
		}

		@Override
		public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
			return true;
		}

		@Override
		public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
				Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
				ServerHttpResponse response) {
			if (body instanceof ProblemDetail problem && problem.getInstance() != null) {
				problem.setInstance(URI.create(mask.masked(problem.getInstance().toString())));
			}
			return body;
		}

	}

	@Component
	static class ErrorPages extends DefaultErrorAttributes {

		private final PathMask mask;

		ErrorPages(PathMask mask) {
			this.mask = mask;
		}

		@Override
		public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
			Map<String, Object> attributes = super.getErrorAttributes(request, options);
			if (attributes.get("path") instanceof String path) {
				attributes.put("path", mask.masked(path));
			}
			return attributes;
		}

	}

}
