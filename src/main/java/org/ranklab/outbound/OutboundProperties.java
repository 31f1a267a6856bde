package org.ranklab.outbound;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which addresses {@link OutboundPolicy} allows. The names are generation's, where the
 * policy began; webhooks follow the same settings.
 *
 * @param allowedHosts host names, IP addresses or CIDR ranges, each optionally with
 * {@code :port}, that may be called even though they are loopback, private or otherwise
 * not public
 * @param allowPublicAddresses whether public addresses may be called without being listed
 * in {@code allowedHosts}
 */
@ConfigurationProperties("ranklab.generation")
public record OutboundProperties(@DefaultValue List<String> allowedHosts,
		@DefaultValue("true") boolean allowPublicAddresses) {

	public OutboundProperties {
		allowedHosts.forEach(AllowedHost::parse); // a mistyped entry stops the start, not
													// the first call
	}

}
