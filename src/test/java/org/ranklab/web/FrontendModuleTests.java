package org.ranklab.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the front-end unit tests ({@code frontend/test/*.test.js}) with
 * {@code node --test} as part of {@code ./mvnw verify}. Without Node.js they are skipped,
 * except under CI ({@code CI=true}).
 */
class FrontendModuleTests {

	@Test
	void frontEndUnitTestsPass() throws IOException, InterruptedException {
		boolean nodeInstalled = runs("node", "--version");
		if (!nodeInstalled && "true".equalsIgnoreCase(System.getenv("CI"))) {
			fail("Node.js is required in CI: apt-get install -y nodejs");
		}
		assumeTrue(nodeInstalled, "Node.js is not installed; front-end unit tests skipped");

		Process node = new ProcessBuilder("node", "--test", "frontend/test/").redirectErrorStream(true).start();
		String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(node.waitFor(5, TimeUnit.MINUTES)).as("node --test finished").isTrue();

		assertThat(node.exitValue()).as("node --test frontend/test/ said:%n%s", output).isZero();
		assertThat(output).containsPattern("# pass [1-9]");
	}

	private static boolean runs(String... command) throws InterruptedException {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException notFound) {
			return false;
		}
	}

}
