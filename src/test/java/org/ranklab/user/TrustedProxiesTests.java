package org.ranklab.user;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletException;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.catalina.valves.ValveBase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import org.ranklab.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Whose {@code X-Forwarded-For} the running server believes: by default only a proxy on
 * loopback's, not that of a client on a private network (an intranet, Docker's port
 * forwarding), which could otherwise name a new address for each guess of a password. The
 * requests go through a copy of the server's own forwarded-header valve.
 */
class TrustedProxiesTests extends IntegrationTest {

	private static final String NAMED_CLIENT = "203.0.113.9";

	@Autowired
	WebServerApplicationContext context;

	@Test
	void forwardedForIsBelievedFromLoopbackOnly() throws Exception {
		RemoteIpValve valve = copyOfTheServersValve();

		assertThat(clientSeenBy(valve, "127.0.0.1")).isEqualTo(NAMED_CLIENT);
		assertThat(clientSeenBy(valve, "0:0:0:0:0:0:0:1")).isEqualTo(NAMED_CLIENT);
		for (String privateAddress : List.of("10.0.0.7", "172.16.0.1", "172.31.255.254", "192.168.1.20",
				"169.254.169.254", "100.64.0.1", "fd00:0:0:0:0:0:0:1", "fe80:0:0:0:0:0:0:1")) {
			assertThat(clientSeenBy(valve, privateAddress)).as(privateAddress).isEqualTo(privateAddress);
		}
	}

	@Test
	void listedProxiesAreBelievedAndNoOthers() throws Exception {
		RemoteIpValve valve = new RemoteIpValve();
		valve.setInternalProxies(TrustedProxies.ranges(List.of("172.18.0.0/16", " 10.0.0.5", "fd00::1")));

		assertThat(clientSeenBy(valve, "172.18.3.4")).isEqualTo(NAMED_CLIENT);
		assertThat(clientSeenBy(valve, "10.0.0.5")).isEqualTo(NAMED_CLIENT);
		assertThat(clientSeenBy(valve, "fd00:0:0:0:0:0:0:1")).isEqualTo(NAMED_CLIENT);
		assertThat(clientSeenBy(valve, "172.19.0.1")).isEqualTo("172.19.0.1");
		assertThat(clientSeenBy(valve, "10.0.0.6")).isEqualTo("10.0.0.6");
		assertThat(clientSeenBy(valve, "127.0.0.1")).as("loopback once another list is given").isEqualTo("127.0.0.1");
	}

	@Test
	void anEmptyListBelievesNoProxy() throws Exception {
		RemoteIpValve valve = new RemoteIpValve();
		valve.setInternalProxies(TrustedProxies.ranges(List.of("")));

		assertThat(clientSeenBy(valve, "127.0.0.1")).isEqualTo("127.0.0.1");
	}

	@Test
	void aHostNameIsNoProxyAddress() {
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.ranges(List.of("proxy.internal")))
			.withMessageContaining("proxy.internal");
	}

	private RemoteIpValve copyOfTheServersValve() {
		Valve[] valves = ((TomcatWebServer) context.getWebServer()).getTomcat().getEngine().getPipeline().getValves();
		RemoteIpValve running = Arrays.stream(valves)
			.filter(RemoteIpValve.class::isInstance)
			.map(RemoteIpValve.class::cast)
			.findFirst()
			.orElseThrow();
		RemoteIpValve copy = new RemoteIpValve();
		copy.setInternalProxies(running.getInternalProxies());
		copy.setTrustedProxies(running.getTrustedProxies());
		copy.setRemoteIpHeader(running.getRemoteIpHeader());
		return copy;
	}

	/** The client address the app sees for a request from {@code peer} naming another. */
	private static String clientSeenBy(RemoteIpValve valve, String peer) throws IOException, ServletException {
		AtomicReference<String> seen = new AtomicReference<>();
		valve.setNext(new ValveBase() {

			@Override
			public void invoke(Request request, Response response) {
				seen.set(request.getRemoteAddr());
			}

		});
		org.apache.coyote.Request coyote = new org.apache.coyote.Request();
		coyote.getMimeHeaders().addValue("X-Forwarded-For").setString(NAMED_CLIENT);
		Request request = new Request(new Connector(), coyote);
		request.setRemoteAddr(peer);
		request.setRemoteHost(peer);
		valve.invoke(request, new Response(new org.apache.coyote.Response()));
		return seen.get();
	}

}
