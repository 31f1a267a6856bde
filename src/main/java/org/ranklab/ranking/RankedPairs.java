package org.ranklab.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tideman's ranked pairs: merges several rankings of the same candidates into one
 * consensus ranking.
 * <p>
 * For every pair of candidates, the majority (more rankings putting one strictly above
 * the other) gives a directed edge; pairs without a majority are tied and give none.
 * Edges are locked strongest first, skipping any that would close a cycle. Strength is
 * the margin (votes for minus votes against), then the votes for; edges of equal strength
 * are taken in ascending order of (winner id, loser id), which makes the result
 * deterministic. The consensus lists as one tier the candidates that no remaining
 * candidate beats, then repeats: candidates stand in one tier where the majority is tied
 * between them (or where no locked edge orders them).
 */
public final class RankedPairs {

	private RankedPairs() {
	}

	private record Edge(long winner, long loser, int votesFor, int margin) {
	}

	private static final Comparator<Edge> STRONGEST_FIRST = Comparator.comparingInt(Edge::margin)
		.reversed()
		.thenComparing(Comparator.comparingInt(Edge::votesFor).reversed())
		.thenComparingLong(Edge::winner)
		.thenComparingLong(Edge::loser);

	public static Tiers consensus(List<Tiers> rankings) {
		Set<Long> candidates = new TreeSet<>();
		rankings.forEach(r -> candidates.addAll(r.candidates()));
		List<Map<Long, Integer>> tierOfs = rankings.stream().map(Tiers::tierOf).toList();
		List<Edge> edges = majorityEdges(new ArrayList<>(candidates), tierOfs);
		edges.sort(STRONGEST_FIRST);
		Map<Long, Set<Long>> locked = new HashMap<>();
		candidates.forEach(c -> locked.put(c, new HashSet<>()));
		for (Edge edge : edges) {
			if (!reaches(locked, edge.loser(), edge.winner())) {
				locked.get(edge.winner()).add(edge.loser());
			}
		}
		return tiersOf(candidates, locked);
	}

	private static List<Edge> majorityEdges(List<Long> candidates, List<Map<Long, Integer>> tierOfs) {
		List<Edge> edges = new ArrayList<>();
		for (int i = 0; i < candidates.size(); i++) {
			for (int j = i + 1; j < candidates.size(); j++) {
				long a = candidates.get(i);
				long b = candidates.get(j);
				int aOverB = 0;
				int bOverA = 0;
				for (Map<Long, Integer> tierOf : tierOfs) {
					Integer ta = tierOf.get(a);
					Integer tb = tierOf.get(b);
					if (ta != null && tb != null) {
						aOverB += ta < tb ? 1 : 0;
						bOverA += tb < ta ? 1 : 0;
					}
				}
				if (aOverB > bOverA) {
					edges.add(new Edge(a, b, aOverB, aOverB - bOverA));
				}
				else if (bOverA > aOverB) {
					edges.add(new Edge(b, a, bOverA, bOverA - aOverB));
				}
			}
		}
		return edges;
	}

	private static boolean reaches(Map<Long, Set<Long>> graph, long from, long to) {
		Set<Long> seen = new HashSet<>();
		List<Long> frontier = new ArrayList<>(List.of(from));
		while (!frontier.isEmpty()) {
			long node = frontier.remove(frontier.size() - 1);
			if (node == to) {
				return true;
			}
			if (seen.add(node)) {
				frontier.addAll(graph.get(node));
			}
		}
		return false;
	}

	private static Tiers tiersOf(Set<Long> candidates, Map<Long, Set<Long>> locked) {
		Set<Long> remaining = new LinkedHashSet<>(candidates);
		List<List<Long>> tiers = new ArrayList<>();
		while (!remaining.isEmpty()) {
			List<Long> unbeaten = remaining.stream()
				.filter(c -> remaining.stream().noneMatch(other -> locked.get(other).contains(c)))
				.toList();
			tiers.add(unbeaten);
			unbeaten.forEach(remaining::remove);
		}
		return new Tiers(tiers);
	}

}
