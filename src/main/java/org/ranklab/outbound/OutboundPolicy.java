package org.ranklab.outbound;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which addresses the app may call on a user's word (SSRF guard): model servers for
 * generation, receivers of webhooks. A URL must be http(s) with a host; every address its
 * host resolves to must be allowed: addresses in
 * {@code ranklab.generation.allowed-hosts}, or public addresses unless
 * {@code ranklab.generation.allow-public-addresses} is false. Loopback, private,
 * link-local (cloud metadata at 169.254.169.254), shared (CGNAT), unspecified, multicast,
 * broadcast and other special-purpose ranges are refused unless listed; a host name
 * listed there is allowed whatever it resolves to. IPv4-mapped IPv6 addresses
 * ({@code ::ffff:10.0.0.1}), whether written in the URL or answered by DNS, are judged
 * (and connected to) as the IPv4 address they stand for; NAT64 ({@code 64:ff9b::/96}) and
 * SIIT ({@code ::ffff:0:0:0/96}) addresses are judged by the IPv4 address they carry;
 * IPv4-compatible, 6to4 and Teredo addresses are refused. IPv4 spelled other than as four
 * decimal numbers is refused. Checked when a job is requested and again before every
 * request, against what the name resolves to then; the request then goes to exactly the
 * addresses checked ({@link PinnedHttpClient}), so a name that turns private later (DNS
 * rebinding) is refused and never reached.
 */
@Component
public class OutboundPolicy {

	/** Looks up a host name; tests substitute one that never touches DNS. */
	@FunctionalInterface
	public interface Resolver {

		List<InetAddress> resolve(String host) throws UnknownHostException;

	}

	/** Why a URL may not be called; the message is meant for the admin who gave it. */
	public static final class Refused extends Exception {

		Refused(String message) {
			super(message, null, false, false);
		}

	}

	private static final String ALLOW_HINT = "; allow it explicitly in ranklab.generation.allowed-hosts";

	/**
	 * Special-purpose ranges (RFC 6890 and successors) that are never public
	 * destinations.
	 */
	private static final Map<AddressRange, String> SPECIAL = ranges("0.0.0.0/8",
			"an unspecified (this-network) address", "10.0.0.0/8", "a private address", "100.64.0.0/10",
			"a shared (carrier-grade NAT) address", "127.0.0.0/8", "a loopback address", "169.254.0.0/16",
			"a link-local address (where cloud metadata services live)", "172.16.0.0/12", "a private address",
			"192.0.0.0/24", "an IETF protocol address", "192.0.2.0/24", "a documentation address", "192.88.99.0/24",
			"a 6to4 relay address", "192.168.0.0/16", "a private address", "198.18.0.0/15", "a benchmarking address",
			"198.51.100.0/24", "a documentation address", "203.0.113.0/24", "a documentation address", "224.0.0.0/4",
			"a multicast address", "240.0.0.0/4", "a reserved or broadcast address", "::/128", "an unspecified address",
			"::1/128", "a loopback address", "::/96", "an IPv4-compatible IPv6 address", "64:ff9b:1::/48",
			"a local NAT64 address", "100::/64", "a discard address", "2001::/32", "a Teredo address", "2001:db8::/32",
			"a documentation address", "2002::/16", "a 6to4 address", "fc00::/7", "a unique local (private) address",
			"fe80::/10", "a link-local address", "fec0::/10", "a site-local address", "ff00::/8",
			"a multicast address");

	/**
	 * NAT64 (RFC 6052) and SIIT's IPv4-translated addresses (RFC 2765): they stand for
	 * the IPv4 address in their last 32 bits, which is judged instead.
	 */
	private static final Map<AddressRange, String> TRANSLATED = ranges("64:ff9b::/96", "a NAT64 address",
			"::ffff:0:0:0/96", "an IPv4-translated (SIIT) address");

	private final List<AllowedHost> allowed;

	private final boolean publicAddresses;

	private final Resolver resolver;

	@Autowired
	OutboundPolicy(OutboundProperties properties) {
		this(properties.allowedHosts(), properties.allowPublicAddresses(),
				host -> Arrays.asList(InetAddress.getAllByName(host)));
	}

	public OutboundPolicy(List<String> allowedHosts, boolean publicAddresses, Resolver resolver) {
		this.allowed = allowedHosts.stream().filter(entry -> !entry.isBlank()).map(AllowedHost::parse).toList();
		this.publicAddresses = publicAddresses;
		this.resolver = resolver;
	}

	/**
	 * Refuses a URL that may not be called, before any connection; returns the addresses
	 * that may be.
	 */
	public List<InetAddress> check(URI url) throws Refused {
		String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new Refused("must be an http:// or https:// URL");
		}
		if (url.getRawUserInfo() != null) {
			throw new Refused("must not carry credentials (give the key as api_key)");
		}
		String host = url.getHost();
		if (host == null || host.isEmpty()) {
			throw new Refused("must name a host (IPv4 addresses as four decimal numbers, such as 10.0.0.1)");
		}
		int port = url.getPort() == -1 ? (scheme.equals("https") ? 443 : 80) : url.getPort();
		if (port < 1 || port > 65535) {
			throw new Refused("port " + url.getPort() + " is not between 1 and 65535");
		}
		if (host.startsWith("[") || HostNames.looksNumeric(host)) {
			InetAddress address;
			try {
				address = AddressRange.literal(HostNames.normalize(host));
			}
			catch (IllegalArgumentException e) {
				throw new Refused(e.getMessage());
			}
			judge(host, address, port);
			return List.of(address);
		}
		String name = HostNames.normalize(host);
		// A resolver answers an AAAA record ::ffff:a.b.c.d as an IPv6 address, which a
		// dual-stack socket connects to as a.b.c.d: judged and returned as that.
		List<InetAddress> addresses = resolve(name).stream().map(OutboundPolicy::unmapped).toList();
		if (allowed.stream().anyMatch(entry -> entry.allowsName(name, port))) {
			return addresses;
		}
		for (InetAddress address : addresses) {
			judge(host, address, port);
		}
		return addresses;
	}

	private List<InetAddress> resolve(String name) throws Refused {
		try {
			List<InetAddress> addresses = resolver.resolve(name);
			if (addresses.isEmpty()) {
				throw new UnknownHostException(name);
			}
			return addresses;
		}
		catch (UnknownHostException e) {
			throw new Refused("host " + name + " could not be resolved");
		}
	}

	private void judge(String host, InetAddress address, int port) throws Refused {
		if (allowed.stream().anyMatch(entry -> entry.allowsAddress(address, port))) {
			return;
		}
		String where = host.equals(address.getHostAddress()) || host.equals("[" + address.getHostAddress() + "]")
				? address.getHostAddress() : host + " (" + address.getHostAddress() + ")";
		String special = special(address);
		if (special != null) {
			throw new Refused(where + " is " + special + ALLOW_HINT);
		}
		if (!publicAddresses) {
			throw new Refused(where + " is not in ranklab.generation.allowed-hosts");
		}
	}

	/**
	 * The IPv4 address an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) stands for;
	 * any other address unchanged.
	 */
	static InetAddress unmapped(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (bytes.length != 16 || bytes[10] != (byte) 0xff || bytes[11] != (byte) 0xff) {
			return address;
		}
		for (int i = 0; i < 10; i++) {
			if (bytes[i] != 0) {
				return address;
			}
		}
		return ipv4(Arrays.copyOfRange(bytes, 12, 16));
	}

	/** What kind of special-purpose address this is, or null for a public one. */
	private static String special(InetAddress address) {
		for (Map.Entry<AddressRange, String> translated : TRANSLATED.entrySet()) {
			if (translated.getKey().contains(address)) {
				String special = special(ipv4(Arrays.copyOfRange(address.getAddress(), 12, 16)));
				return special == null ? null : translated.getValue() + " of " + special;
			}
		}
		return SPECIAL.entrySet()
			.stream()
			.filter(range -> range.getKey().contains(address))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	private static InetAddress ipv4(byte[] bytes) {
		try {
			return Inet4Address.getByAddress(bytes);
		}
		catch (UnknownHostException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Map<AddressRange, String> ranges(String... pairs) {
		var ranges = new java.util.LinkedHashMap<AddressRange, String>();
		for (int i = 0; i < pairs.length; i += 2) {
			ranges.put(AddressRange.parse(pairs[i]), pairs[i + 1]);
		}
		return java.util.Collections.unmodifiableMap(ranges);
	}

}
