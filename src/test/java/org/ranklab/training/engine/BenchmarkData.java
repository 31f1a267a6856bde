package org.ranklab.training.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the public preference data of ../shared/data into ranked groups (benchmarks only,
 * never in the suite).
 */
final class BenchmarkData {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ASSISTANT = "\n\nAssistant:";

	private BenchmarkData() {
	}

	/**
	 * Anthropic HH: each row is a pair whose transcripts differ only in the last
	 * Assistant turn, so everything up to that turn is the prompt and the turn itself is
	 * the response. Rows with the same prompt share a prompt id.
	 */
	static List<RankedGroup> hh(Path file) throws IOException {
		List<RankedGroup> groups = new ArrayList<>();
		Map<String, Long> promptIds = new HashMap<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
			long candidateId = 1;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				JsonNode row = JSON.readTree(line);
				String chosen = row.get("chosen").asString();
				String rejected = row.get("rejected").asString();
				int cut = Math.min(chosen.lastIndexOf(ASSISTANT), rejected.lastIndexOf(ASSISTANT));
				while (cut > 0 && !chosen.regionMatches(0, rejected, 0, cut + ASSISTANT.length())) {
					cut = chosen.lastIndexOf(ASSISTANT, cut - 1);
				}
				int promptEnd = Math.max(0, cut + ASSISTANT.length());
				String prompt = chosen.substring(0, promptEnd).trim();
				long promptId = promptIds.computeIfAbsent(prompt, p -> (long) promptIds.size() + 1);
				Candidate good = new Candidate(candidateId++, chosen.substring(promptEnd).trim());
				Candidate bad = new Candidate(candidateId++, rejected.substring(promptEnd).trim());
				groups.add(new RankedGroup(promptId, prompt, List.of(good, bad),
						List.of(List.of(good.id()), List.of(bad.id()))));
			}
		}
		return groups;
	}

	/**
	 * The unit no fold may split: for HH the first human turn (the same opening request
	 * appears in several conversations), for OpenAssistant the conversation tree.
	 */
	static Map<Long, String> clusters(String dataset, List<RankedGroup> groups, Path oasstFile) throws IOException {
		Map<Long, String> clusters = new HashMap<>();
		if ("hh".equals(dataset)) {
			for (RankedGroup group : groups) {
				int end = group.prompt().indexOf(ASSISTANT);
				String first = end < 0 ? group.prompt() : group.prompt().substring(0, end);
				clusters.put(group.promptId(), first.strip().toLowerCase(java.util.Locale.ROOT));
			}
			return clusters;
		}
		long[] ids = { 1, 1 };
		int tree = 0;
		for (String line : Files.readAllLines(oasstFile, StandardCharsets.UTF_8)) {
			if (!line.isBlank()) {
				long firstPrompt = ids[0];
				collect(JSON.readTree(line).get("prompt"), "", new ArrayList<>(), ids);
				for (long id = firstPrompt; id < ids[0]; id++) {
					clusters.put(id, "tree-" + tree);
				}
				tree++;
			}
		}
		return clusters;
	}

	/**
	 * OpenAssistant trees: every message whose replies carry a human rank gives one group
	 * (rank 0 best, equal ranks tied); the prompt is the conversation up to that message.
	 */
	static List<RankedGroup> oasst(Path file) throws IOException {
		List<RankedGroup> groups = new ArrayList<>();
		long[] ids = { 1, 1 };
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			if (!line.isBlank()) {
				collect(JSON.readTree(line).get("prompt"), "", groups, ids);
			}
		}
		return groups;
	}

	private static void collect(JsonNode message, String history, List<RankedGroup> groups, long[] ids) {
		String role = "prompter".equals(message.get("role").asString()) ? "User" : "Assistant";
		String conversation = history + role + ": " + message.get("text").asString() + "\n\n";
		List<JsonNode> ranked = new ArrayList<>();
		for (JsonNode reply : message.get("replies")) {
			if (reply.hasNonNull("rank")) {
				ranked.add(reply);
			}
			collect(reply, conversation, groups, ids);
		}
		if (ranked.size() >= 2) {
			List<Candidate> candidates = new ArrayList<>();
			Map<Integer, List<Long>> tiers = new java.util.TreeMap<>();
			for (JsonNode reply : ranked) {
				Candidate candidate = new Candidate(ids[1]++, reply.get("text").asString());
				candidates.add(candidate);
				tiers.computeIfAbsent(reply.get("rank").asInt(), r -> new ArrayList<>()).add(candidate.id());
			}
			groups.add(new RankedGroup(ids[0]++, conversation.trim(), candidates, new ArrayList<>(tiers.values())));
		}
	}

}
