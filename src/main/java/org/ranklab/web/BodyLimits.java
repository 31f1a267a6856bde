package org.ranklab.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.coyote.http11.AbstractHttp11Protocol;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The body limit of every endpoint: its own {@link RequestBodyLimit} where a module
 * declared one, otherwise {@code ranklab.web.max-body-bytes} and no multipart. Also sets
 * how much of a refused body Tomcat still reads; after Spring Boot's own customizer,
 * which would otherwise put its default back.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class BodyLimits implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	/**
	 * How many times the largest limit a client may still send after its body was
	 * refused.
	 */
	static final int SWALLOWED_LIMITS = 4;

	record Rule(HttpMethod method, PathPattern path, long maxBytes, boolean uploads) {

		boolean matches(HttpServletRequest request, PathContainer path) {
			return method.matches(request.getMethod()) && this.path.matches(path);
		}

	}

	private final List<Rule> rules;

	private final Rule otherwise;

	BodyLimits(WebProperties properties, ObjectProvider<RequestBodyLimit> limits) {
		this.rules = limits.orderedStream()
			.map(limit -> new Rule(limit.method(), PathPatternParser.defaultInstance.parse(limit.path()),
					limit.maxBytes().toBytes(), limit.uploads()))
			.toList();
		this.otherwise = new Rule(null, null, properties.maxBodyBytes().toBytes(), false);
	}

	Rule ruleFor(HttpServletRequest request) {
		PathContainer path = PathContainer
			.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		return rules.stream().filter(rule -> rule.matches(request, path)).findFirst().orElse(otherwise);
	}

	/**
	 * Tomcat reads (and throws away) the rest of a refused body so that the client, still
	 * sending, gets to read its problem instead of a reset connection; up to
	 * {@value #SWALLOWED_LIMITS} times the largest limit (at most 2 GB), beyond which it
	 * closes the connection instead of reading on for ever.
	 */
	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		long largest = rules.stream().mapToLong(Rule::maxBytes).reduce(otherwise.maxBytes(), Math::max);
		int swallow = (int) Math.min(Integer.MAX_VALUE, SWALLOWED_LIMITS * largest);
		factory.addConnectorCustomizers(connector -> {
			if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
				http.setMaxSwallowSize(swallow);
			}
		});
	}

}
