package org.ranklab.training.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Splits rankings into training and validation by prompt, so all rankings of a prompt
 * fall on one side. The same prompts and seed always give the same split, whatever order
 * the rankings come in.
 */
public record PromptSplit(List<RankedGroup> training, List<RankedGroup> validation) {

	public static PromptSplit of(List<RankedGroup> groups, double validationFraction, long seed) {
		List<Long> prompts = new ArrayList<>(new TreeSet<>(groups.stream().map(RankedGroup::promptId).toList()));
		Collections.shuffle(prompts, new Random(seed));
		int held = (int) Math.round(prompts.size() * validationFraction);
		if (validationFraction > 0 && held == 0 && prompts.size() >= 2) {
			held = 1;
		}
		held = Math.min(held, prompts.size() - 1);
		Set<Long> validationPrompts = new HashSet<>(prompts.subList(0, Math.max(0, held)));
		List<RankedGroup> training = new ArrayList<>();
		List<RankedGroup> validation = new ArrayList<>();
		for (RankedGroup group : groups) {
			(validationPrompts.contains(group.promptId()) ? validation : training).add(group);
		}
		return new PromptSplit(List.copyOf(training), List.copyOf(validation));
	}

}
