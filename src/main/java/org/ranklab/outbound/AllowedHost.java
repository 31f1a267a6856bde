package org.ranklab.outbound;

import java.net.InetAddress;

/**
 * One entry of {@code ranklab.generation.allowed-hosts}: a host name, an IP address or a
 * CIDR range, each optionally with a port ({@code vllm.internal}, {@code 127.0.0.1:8000},
 * {@code [::1]:8000}, {@code 10.0.0.0/8}, {@code 10.1.0.0/16:8000}). Without a port,
 * every port is allowed.
 *
 * @param name a normalized host name, or null for an address range
 * @param range the addresses, or null for a host name
 * @param port the one port allowed, or -1 for any
 */
record AllowedHost(String name, AddressRange range, int port) {

	static AllowedHost parse(String entry) {
		String text = entry.strip();
		if (text.isEmpty()) {
			throw invalid(entry, "it is empty");
		}
		String host = text;
		int port = -1;
		if (text.startsWith("[")) {
			int close = text.indexOf(']');
			if (close < 0) {
				throw invalid(entry, "the IPv6 address has no closing ]");
			}
			host = text.substring(1, close);
			String rest = text.substring(close + 1);
			if (rest.startsWith(":")) {
				port = port(entry, rest.substring(1));
			}
			else if (!rest.isEmpty()) {
				throw invalid(entry, "only :port may follow ]");
			}
		}
		else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
			host = text.substring(0, text.indexOf(':'));
			port = port(entry, text.substring(text.indexOf(':') + 1));
		}
		try {
			if (host.contains(":") || host.contains("/") || HostNames.looksNumeric(host)) {
				return new AllowedHost(null, AddressRange.parse(host), port);
			}
		}
		catch (IllegalArgumentException e) {
			throw invalid(entry, e.getMessage());
		}
		if (!host.matches("[A-Za-z0-9._-]+\\.?")) {
			throw invalid(entry, "it is neither a host name, an IP address nor a CIDR range");
		}
		return new AllowedHost(HostNames.normalize(host), null, port);
	}

	boolean allowsName(String normalizedHost, int port) {
		return name != null && name.equals(normalizedHost) && allowsPort(port);
	}

	boolean allowsAddress(InetAddress address, int port) {
		return range != null && range.contains(address) && allowsPort(port);
	}

	private boolean allowsPort(int port) {
		return this.port == -1 || this.port == port;
	}

	private static int port(String entry, String text) {
		try {
			int port = Integer.parseInt(text);
			if (port >= 1 && port <= 65535) {
				return port;
			}
		}
		catch (NumberFormatException e) {
			// reported below
		}
		throw invalid(entry, "the port must be a number from 1 to 65535");
	}

	private static IllegalArgumentException invalid(String entry, String why) {
		return new IllegalArgumentException(
				"ranklab.generation.allowed-hosts: '" + entry.strip() + "' is not a valid entry: " + why);
	}

}
