package org.ranklab.training.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Rankings whose true order is a hidden function of the candidates' words: each "good"
 * word adds one to a candidate's quality and each "bad" word takes one away; neutral
 * filler words carry nothing. Candidates of equal quality are tied.
 */
public final class SyntheticRankings {

	public static final List<String> GOOD = List.of("helpful", "accurate", "clear", "kind", "precise", "thorough");

	public static final List<String> BAD = List.of("rude", "wrong", "vague", "harmful", "sloppy", "lazy");

	public static final List<String> FILLER = List.of("the", "answer", "is", "about", "this", "topic", "and", "it",
			"was", "written", "today", "for", "you", "with", "some", "words", "可以", "我们", "问题");

	private SyntheticRankings() {
	}

	public static List<RankedGroup> groups(int prompts, int candidatesPerPrompt, long seed) {
		Random random = new Random(seed);
		List<RankedGroup> groups = new ArrayList<>();
		long candidateId = 1;
		for (long promptId = 1; promptId <= prompts; promptId++) {
			List<Candidate> candidates = new ArrayList<>();
			Map<Integer, List<Long>> byQuality = new TreeMap<>(Comparator.reverseOrder());
			for (int c = 0; c < candidatesPerPrompt; c++) {
				StringBuilder text = new StringBuilder();
				int quality = 0;
				int length = 6 + random.nextInt(10);
				for (int w = 0; w < length; w++) {
					int kind = random.nextInt(6);
					String word;
					if (kind == 0) {
						word = GOOD.get(random.nextInt(GOOD.size()));
						quality++;
					}
					else if (kind == 1) {
						word = BAD.get(random.nextInt(BAD.size()));
						quality--;
					}
					else {
						word = FILLER.get(random.nextInt(FILLER.size()));
					}
					text.append(word).append(' ');
				}
				candidates.add(new Candidate(candidateId, text.toString().trim()));
				byQuality.computeIfAbsent(quality, q -> new ArrayList<>()).add(candidateId);
				candidateId++;
			}
			String prompt = "question number " + promptId + " " + FILLER.get(random.nextInt(FILLER.size()));
			groups.add(new RankedGroup(promptId, prompt, candidates, new ArrayList<>(byQuality.values())));
		}
		return groups;
	}

	/** The hidden quality of a candidate's text: good words minus bad words. */
	public static int quality(String text) {
		int quality = 0;
		for (String word : text.split(" ")) {
			quality += GOOD.contains(word) ? 1 : BAD.contains(word) ? -1 : 0;
		}
		return quality;
	}

}
