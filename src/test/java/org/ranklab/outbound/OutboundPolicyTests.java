package org.ranklab.outbound;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SSRF guard on its own: every check here happens before any connection, names are
 * resolved by a substitute that never asks DNS, and nothing is sent anywhere but to a
 * closed port on loopback.
 */
class OutboundPolicyTests {

	/** Fails the test if a literal address were ever looked up. */
	private static final OutboundPolicy.Resolver NO_LOOKUPS = host -> {
		throw new AssertionError("looked up " + host);
	};

	private static OutboundPolicy policy(List<String> allowed, boolean publicAddresses, Map<String, String> names) {
		return new OutboundPolicy(allowed, publicAddresses, host -> lookup(names, host));
	}

	private static List<InetAddress> lookup(Map<String, String> names, String host) throws UnknownHostException {
		String addresses = names.get(host);
		if (addresses == null) {
			throw new UnknownHostException(host);
		}
		List<InetAddress> result = new java.util.ArrayList<>();
		for (String address : addresses.split(",")) {
			result.add(InetAddress.getByAddress(host, InetAddress.getByName(address).getAddress()));
		}
		return result;
	}

	private static final OutboundPolicy DEFAULT = new OutboundPolicy(List.of(), true, NO_LOOKUPS);

	private static String refusal(OutboundPolicy policy, String url) {
		try {
			policy.check(URI.create(url));
			return null;
		}
		catch (OutboundPolicy.Refused e) {
			return e.getMessage();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:8000/v1", "http://127.255.255.254/", "http://[::1]:8000/v1",
			"http://10.0.0.1/v1", "http://10.255.255.255/", "http://172.16.0.1/", "http://172.31.255.255/",
			"http://192.168.1.1/", "https://169.254.169.254/latest/meta-data/", "http://[fe80::1]/",
			"http://[fc00::1]/", "http://[fd12:3456::1]/", "http://100.64.0.1/", "http://100.127.255.255/",
			"http://0.0.0.0:8000/", "http://[::]/", "http://224.0.0.1/", "http://255.255.255.255/", "http://[ff02::1]/",
			"http://[::ffff:127.0.0.1]/", "http://[::ffff:169.254.169.254]/", "http://[::ffff:a00:1]/",
			"http://[::127.0.0.1]/", "http://[64:ff9b::a00:1]/", "http://[2002:7f00:1::]/", "http://[2001:db8::1]/",
			"http://198.18.0.1/", "http://240.0.0.1/" })
	void refusesNonPublicAddressesUnlessAllowed(String url) {
		assertThat(refusal(DEFAULT, url)).as(url).isNotNull().contains("allowed-hosts");
	}

	@Test
	void namesWhatKindOfAddressWasRefused() {
		assertThat(refusal(DEFAULT, "http://169.254.169.254/")).contains("link-local").contains("metadata");
		assertThat(refusal(DEFAULT, "http://127.0.0.1:8000/v1")).contains("loopback");
		assertThat(refusal(DEFAULT, "http://10.0.0.1/")).contains("private");
		assertThat(refusal(DEFAULT, "http://100.64.0.1/")).contains("carrier-grade NAT");
		assertThat(refusal(DEFAULT, "http://[::ffff:127.0.0.1]/")).contains("loopback");
		assertThat(refusal(DEFAULT, "http://[64:ff9b::a00:1]/")).contains("NAT64").contains("private");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://2130706433/", "http://0177.0.0.1/", "http://0x7f000001/", "http://017700000001/",
			"http://0/", "http://0x7f.0.0.1/", "http://127.1/", "http://10.1/", "http://010.0.0.1/",
			"http://127.0.0.1./", "http://1.2.3.256/", "http://8.8.8.08/" })
	void refusesIPv4SpelledOtherThanAsFourDecimalNumbers(String url) {
		assertThat(refusal(DEFAULT, url)).as(url).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://10.0.0.1/", "file:///etc/passwd", "gopher://127.0.0.1:6379/_INFO",
			"javascript:alert(1)", "http://user:secret@93.184.216.34/", "http:///v1", "//93.184.216.34/v1",
			"http://[fe80::1%25eth0]/", "http://93.184.216.34:99999/" })
	void refusesWhatIsNotAPlainHttpUrl(String url) {
		assertThat(refusal(DEFAULT, url)).as(url).isNotNull();
	}

	@Test
	void allowsPublicAddressesByDefaultAndOnlyListedOnesWhenTheyAreOff() throws Exception {
		assertThat(refusal(DEFAULT, "https://93.184.216.34/v1")).isNull();
		assertThat(refusal(DEFAULT, "https://[2606:4700:4700::1111]/v1")).isNull();
		assertThat(refusal(DEFAULT, "http://[::ffff:93.184.216.34]/v1")).isNull();
		assertThat(refusal(DEFAULT, "http://[64:ff9b::5db8:d822]/v1")).as("NAT64 of a public address").isNull();
		assertThat(DEFAULT.check(URI.create("https://93.184.216.34/v1")))
			.containsExactly(InetAddress.getByName("93.184.216.34"));

		OutboundPolicy listedOnly = policy(List.of("93.184.216.0/24:443", "api.example"), false,
				Map.of("api.example", "203.0.113.7", "other.example", "93.184.217.1"));
		assertThat(refusal(listedOnly, "https://93.184.216.34/v1")).isNull();
		assertThat(refusal(listedOnly, "http://93.184.216.34/v1")).as("port 80, only 443 listed").isNotNull();
		assertThat(refusal(listedOnly, "https://93.184.217.1/v1")).contains("not in ranklab.generation.allowed-hosts");
		assertThat(refusal(listedOnly, "https://api.example/v1")).isNull();
		assertThat(refusal(listedOnly, "https://other.example/v1")).contains("other.example (93.184.217.1)");
	}

	@Test
	void allowsWhatIsListedWithItsPortOnly() {
		OutboundPolicy policy = policy(
				List.of(" 127.0.0.1:8000", "10.0.0.0/8", "[::1]:8001", "fd00::/8", "vLLM.Internal.:9000"), true,
				Map.of("vllm.internal", "10.9.9.9,127.0.0.1"));

		assertThat(refusal(policy, "http://127.0.0.1:8000/v1")).isNull();
		assertThat(refusal(policy, "http://127.0.0.1:8001/v1")).isNotNull();
		assertThat(refusal(policy, "http://127.0.0.2:8000/v1")).isNotNull();
		assertThat(refusal(policy, "http://10.20.30.40/v1")).isNull();
		assertThat(refusal(policy, "https://10.20.30.40:4443/v1")).isNull();
		assertThat(refusal(policy, "http://172.16.0.1/v1")).isNotNull();
		assertThat(refusal(policy, "http://[::1]:8001/v1")).isNull();
		assertThat(refusal(policy, "http://[::1]:8000/v1")).isNotNull();
		assertThat(refusal(policy, "http://[fd00::5]/v1")).isNull();
		assertThat(refusal(policy, "http://[fc00::5]/v1")).isNotNull();
		assertThat(refusal(policy, "http://VLLM.internal:9000/v1")).as("a listed name, whatever it resolves to")
			.isNull();
		assertThat(refusal(policy, "http://vllm.internal:9001/v1")).as("listed name, other port")
			.contains("127.0.0.1")
			.contains("loopback");
	}

	@Test
	void judgesEveryAddressANameResolvesTo() {
		OutboundPolicy policy = policy(List.of(), true, Map.of("public.example", "93.184.216.34", "mixed.example",
				"93.184.216.34,10.0.0.7", "metadata.example", "169.254.169.254", "localhost", "127.0.0.1,::1"));

		assertThat(refusal(policy, "https://public.example/v1")).isNull();
		assertThat(refusal(policy, "https://mixed.example/v1")).contains("mixed.example (10.0.0.7)")
			.contains("private");
		assertThat(refusal(policy, "http://metadata.example/")).contains("link-local");
		assertThat(refusal(policy, "http://localhost:8000/v1")).contains("loopback");
		assertThat(refusal(policy, "http://localhost.:8000/v1")).contains("loopback");
		assertThat(refusal(policy, "http://unknown.example/v1")).contains("could not be resolved");
	}

	/**
	 * The JDK's resolver hands an AAAA record such as {@code ::ffff:169.254.169.254} over
	 * as an {@link Inet6Address} (only literals are turned into IPv4), and a dual-stack
	 * socket connects to it as the IPv4 address it carries; the stub answers the same
	 * way.
	 */
	@Test
	void judgesIPv4CarriedInResolvedIPv6AddressesAsThatIPv4Address() throws Exception {
		Map<String, String> names = Map.of("mapped-metadata.example", "::ffff:a9fe:a9fe", "mapped-loopback.example",
				"::ffff:7f00:1", "mapped-private.example", "93.184.216.34,::ffff:a00:1", "translated.example",
				"::ffff:0:a9fe:a9fe", "compatible.example", "::7f00:1", "nat64.example", "64:ff9b::7f00:1",
				"six-to-four.example", "2002:a9fe:a9fe::1", "mapped-public.example", "::ffff:5db8:d822");
		OutboundPolicy policy = new OutboundPolicy(List.of(), true, host -> lookupAsIPv6(names, host));

		assertThat(refusal(policy, "http://mapped-metadata.example/")).contains("169.254.169.254")
			.contains("link-local");
		assertThat(refusal(policy, "http://mapped-loopback.example:8000/v1")).contains("127.0.0.1")
			.contains("loopback");
		assertThat(refusal(policy, "http://mapped-private.example/v1")).contains("10.0.0.1").contains("private");
		assertThat(refusal(policy, "http://translated.example/")).as("SIIT ::ffff:0:a.b.c.d")
			.contains("SIIT")
			.contains("link-local");
		assertThat(refusal(policy, "http://compatible.example/")).contains("allowed-hosts");
		assertThat(refusal(policy, "http://nat64.example/")).contains("NAT64").contains("loopback");
		assertThat(refusal(policy, "http://six-to-four.example/")).contains("6to4");
		assertThat(refusal(policy, "http://mapped-public.example/v1")).isNull();
		assertThat(policy.check(URI.create("http://mapped-public.example/v1")))
			.as("connects to the IPv4 address that was judged")
			.containsExactly(InetAddress.getByName("93.184.216.34"));

		OutboundPolicy loopbackListed = new OutboundPolicy(List.of("127.0.0.1:8000"), false,
				host -> lookupAsIPv6(names, host));
		assertThat(refusal(loopbackListed, "http://mapped-loopback.example:8000/v1")).isNull();
		assertThat(refusal(loopbackListed, "http://mapped-loopback.example:8001/v1")).contains("loopback");
	}

	/** As the JDK's resolver answers: IPv6 records stay IPv6 objects, mapped or not. */
	private static List<InetAddress> lookupAsIPv6(Map<String, String> names, String host) throws UnknownHostException {
		String addresses = names.get(host);
		if (addresses == null) {
			throw new UnknownHostException(host);
		}
		List<InetAddress> result = new java.util.ArrayList<>();
		for (String address : addresses.split(",")) {
			byte[] bytes = address.contains(":") ? ipv6Bytes(address) : InetAddress.getByName(address).getAddress();
			result.add(bytes.length == 16 ? Inet6Address.getByAddress(host, bytes, -1)
					: InetAddress.getByAddress(host, bytes));
		}
		return result;
	}

	/** The 16 bytes of an IPv6 literal, also when it is IPv4-mapped. */
	private static byte[] ipv6Bytes(String literal) {
		String[] halves = literal.split("::", -1);
		String[] head = halves[0].isEmpty() ? new String[0] : halves[0].split(":");
		String[] tail = halves.length < 2 || halves[1].isEmpty() ? new String[0] : halves[1].split(":");
		int[] groups = new int[8];
		for (int i = 0; i < head.length; i++) {
			groups[i] = Integer.parseInt(head[i], 16);
		}
		for (int i = 0; i < tail.length; i++) {
			groups[8 - tail.length + i] = Integer.parseInt(tail[i], 16);
		}
		byte[] bytes = new byte[16];
		for (int i = 0; i < 8; i++) {
			bytes[2 * i] = (byte) (groups[i] >> 8);
			bytes[2 * i + 1] = (byte) groups[i];
		}
		return bytes;
	}

	@Test
	void refusesANameThatResolvesToAPrivateAddressLater() {
		OutboundPolicy policy = new OutboundPolicy(List.of(), true,
				rebinding("rebind.example", "93.184.216.34", "10.0.0.1"));

		assertThat(refusal(policy, "https://rebind.example/v1")).as("first lookup: public").isNull();
		assertThat(refusal(policy, "https://rebind.example/v1")).as("second lookup: private").contains("private");
	}

	@Test
	void neverLooksUpLiteralAddresses() {
		OutboundPolicy policy = new OutboundPolicy(List.of("127.0.0.1"), true, NO_LOOKUPS);

		assertThatCode(() -> policy.check(URI.create("http://127.0.0.1:8000/v1"))).doesNotThrowAnyException();
		assertThatCode(() -> policy.check(URI.create("http://[2606:4700::1111]/v1"))).doesNotThrowAnyException();
		assertThat(refusal(policy, "http://2130706433/")).contains("four decimal numbers");
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.1", "2130706433", "0x7f.0.0.1", "10.0.0.0/33", "fc00::/200", "host:0", "host:http",
			"[::1", "[::1]x", "bad host", "fe80::1%eth0", "http://10.0.0.1" })
	void refusesAMistypedAllowListAtStartup(String entry) {
		assertThatThrownBy(() -> new OutboundPolicy(List.of(entry), true, NO_LOOKUPS))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("ranklab.generation.allowed-hosts");
	}

	@Test
	void ignoresBlankAllowListEntries() {
		assertThatCode(() -> new OutboundPolicy(List.of("", " "), true, NO_LOOKUPS)).doesNotThrowAnyException();
	}

	/** Resolves the name to each address in turn, then to the last one. */
	private static OutboundPolicy.Resolver rebinding(String name, String... addresses) {
		Deque<String> answers = new ArrayDeque<>(Arrays.asList(addresses));
		return host -> {
			assertThat(host).isEqualTo(name);
			String address = answers.size() > 1 ? answers.poll() : answers.peek();
			return List.of(InetAddress.getByAddress(host, InetAddress.getByName(address).getAddress()));
		};
	}

}
