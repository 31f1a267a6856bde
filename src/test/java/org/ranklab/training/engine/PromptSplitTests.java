package org.ranklab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class PromptSplitTests {

	/** 60 prompts, each ranked by three labelers. */
	private final List<RankedGroup> groups = threeRankingsPerPrompt();

	@Test
	void neverPutsAPromptOnBothSides() {
		PromptSplit split = PromptSplit.of(groups, 0.25, 3);

		Set<Long> training = prompts(split.training());
		Set<Long> validation = prompts(split.validation());
		assertThat(training).doesNotContainAnyElementsOf(validation);
		assertThat(validation).hasSize(15);
		assertThat(split.training().size() + split.validation().size()).isEqualTo(groups.size());
	}

	@Test
	void sameSeedGivesSameSplitWhateverTheOrderOfRankings() {
		List<RankedGroup> shuffled = new ArrayList<>(groups);
		Collections.shuffle(shuffled, new Random(99));

		assertThat(prompts(PromptSplit.of(shuffled, 0.2, 5).validation()))
			.isEqualTo(prompts(PromptSplit.of(groups, 0.2, 5).validation()));
		assertThat(prompts(PromptSplit.of(groups, 0.2, 6).validation()))
			.isNotEqualTo(prompts(PromptSplit.of(groups, 0.2, 5).validation()));
	}

	@Test
	void keepsAtLeastOnePromptForTraining() {
		List<RankedGroup> one = groups.stream().filter(g -> g.promptId() == 1).toList();

		PromptSplit split = PromptSplit.of(one, 0.5, 1);

		assertThat(split.validation()).isEmpty();
		assertThat(split.training()).hasSize(3);
	}

	private static Set<Long> prompts(List<RankedGroup> groups) {
		return groups.stream().map(RankedGroup::promptId).collect(Collectors.toSet());
	}

	private static List<RankedGroup> threeRankingsPerPrompt() {
		List<RankedGroup> groups = new ArrayList<>();
		for (RankedGroup group : SyntheticRankings.groups(60, 3, 1)) {
			for (int labeler = 0; labeler < 3; labeler++) {
				groups.add(group);
			}
		}
		return groups;
	}

}
