package org.ranklab.outbound;

import java.util.Locale;
import java.util.regex.Pattern;

/** How host names are compared, and which spellings are IPv4 addresses in disguise. */
final class HostNames {

	private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";

	private static final Pattern DOTTED_DECIMAL = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

	/**
	 * A last label of digits, or 0x and hex digits: browsers and C libraries read such a
	 * name as IPv4.
	 */
	private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");

	private HostNames() {
	}

	/** Lower case, without the trailing dot of a fully qualified name. */
	static String normalize(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
	}

	static boolean isDottedDecimal(String host) {
		return DOTTED_DECIMAL.matcher(host).matches();
	}

	/**
	 * True for every IPv4 spelling: {@code 10.0.0.1} but also {@code 2130706433},
	 * {@code 0x7f.1}, {@code 127.1}.
	 */
	static boolean looksNumeric(String host) {
		String name = normalize(host);
		return NUMERIC_LABEL.matcher(name.substring(name.lastIndexOf('.') + 1)).matches();
	}

}
