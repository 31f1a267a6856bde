package org.ranklab.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * A CIDR range such as {@code 10.0.0.0/8} or {@code fc00::/7}; a single address is a
 * range of one.
 */
final class AddressRange {

	private final byte[] network;

	private final int prefix;

	private AddressRange(byte[] network, int prefix) {
		this.network = network;
		this.prefix = prefix;
	}

	/**
	 * Parses {@code address/prefix} or a lone address; both must be literal (never
	 * resolved).
	 */
	static AddressRange parse(String text) {
		int slash = text.indexOf('/');
		InetAddress address = literal(slash < 0 ? text : text.substring(0, slash));
		int bits = address.getAddress().length * 8;
		int prefix = bits;
		if (slash >= 0) {
			try {
				prefix = Integer.parseInt(text.substring(slash + 1));
			}
			catch (NumberFormatException e) {
				prefix = -1;
			}
			if (prefix < 0 || prefix > bits) {
				throw new IllegalArgumentException("'" + text + "' has no prefix length between 0 and " + bits);
			}
		}
		return new AddressRange(address.getAddress(), prefix);
	}

	/**
	 * An IP address written literally: IPv6, or IPv4 as four decimal numbers. Any other
	 * spelling ({@code 2130706433}, {@code 0177.0.0.1}, {@code 0x7f.1}, {@code 127.1}) is
	 * refused, because tools disagree on what it means.
	 */
	static InetAddress literal(String text) {
		String address = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
		if (address.contains(":")) {
			if (address.contains("%")) {
				throw new IllegalArgumentException("IPv6 addresses with a zone id are not allowed: " + text);
			}
			return parseLiteral(address, text);
		}
		if (!HostNames.isDottedDecimal(address)) {
			throw new IllegalArgumentException(
					"'" + text + "' is not an IP address written as four decimal numbers (such as 10.0.0.1) or IPv6");
		}
		return parseLiteral(address, text);
	}

	private static InetAddress parseLiteral(String address, String text) {
		if (!address.matches("[0-9A-Fa-f:.]+")) {
			throw new IllegalArgumentException("'" + text + "' is not an IP address");
		}
		try {
			// A literal of hex digits, colons and dots is parsed, never looked up.
			return InetAddress.getByName(address);
		}
		catch (UnknownHostException e) {
			throw new IllegalArgumentException("'" + text + "' is not an IP address");
		}
	}

	boolean contains(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (bytes.length != network.length) {
			return false;
		}
		int whole = prefix / 8;
		if (!Arrays.equals(bytes, 0, whole, network, 0, whole)) {
			return false;
		}
		int rest = prefix % 8;
		if (rest == 0) {
			return true;
		}
		int mask = (0xff << (8 - rest)) & 0xff;
		return (bytes[whole] & mask) == (network[whole] & mask);
	}

	@Override
	public String toString() {
		try {
			return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
		}
		catch (UnknownHostException e) {
			throw new IllegalStateException(e);
		}
	}

}
