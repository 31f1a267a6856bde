package org.ranklab.user;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} Tomcat believes
 * ({@code ranklab.trusted-proxies}): by default loopback only. Tomcat's own default
 * trusts every private address, so that any client on the intranet, or every client
 * behind Docker's port forwarding, could name its own address and spray passwords past
 * the per-address login throttle.
 * <p>
 * Entries are IP addresses or CIDR ranges; Tomcat reads a list that has a {@code /} as
 * ranges and one without as a regular expression, so a single address gets its full
 * prefix length. An explicit {@code server.tomcat.remoteip.internal-proxies} (a regular
 * expression, as before) still wins.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatWebServerFactory>, Ordered {

	private static final Logger log = LoggerFactory.getLogger(TrustedProxies.class);

	static final String TOMCAT_PROPERTY = "server.tomcat.remoteip.internal-proxies";

	private final String ranges;

	private final boolean overridden;

	TrustedProxies(@Value("${ranklab.trusted-proxies:127.0.0.0/8,::1}") String proxies, Environment env) {
		this.ranges = ranges(List.of(proxies.split(",")));
		this.overridden = env.containsProperty(TOMCAT_PROPERTY);
	}

	/**
	 * The entries as Tomcat's comma-separated ranges; an invalid one (a host name, a bad
	 * prefix) stops the start.
	 */
	static String ranges(List<String> proxies) {
		return proxies.stream().map(String::strip).filter(entry -> !entry.isEmpty()).map(entry -> {
			String range = entry.contains("/") ? entry : entry + (entry.contains(":") ? "/128" : "/32");
			try {
				new NetMask(range);
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException(
						"ranklab.trusted-proxies: '" + entry + "' is not an IP address or CIDR range", e);
			}
			return range;
		}).collect(Collectors.joining(","));
	}

	@Override
	public void customize(TomcatWebServerFactory factory) {
		if (overridden) {
			log.info("Forwarded headers are trusted from {} ({}), not from ranklab.trusted-proxies", TOMCAT_PROPERTY,
					factory.getEngineValves());
			return;
		}
		factory.getEngineValves()
			.stream()
			.filter(RemoteIpValve.class::isInstance)
			.map(RemoteIpValve.class::cast)
			// Empty: no proxy is trusted, the TCP peer is the client.
			.forEach(valve -> valve.setInternalProxies(ranges));
	}

	/** After Boot's own customizer, which adds the valve with Tomcat's defaults. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
