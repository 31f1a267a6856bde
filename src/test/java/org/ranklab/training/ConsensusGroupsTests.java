package org.ranklab.training;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.ranklab.training.engine.Candidate;
import org.ranklab.training.engine.RankedGroup;

import static org.assertj.core.api.Assertions.assertThat;

class ConsensusGroupsTests {

	private static final List<Candidate> ABC = List.of(new Candidate(1, "a"), new Candidate(2, "b"),
			new Candidate(3, "c"));

	@Test
	void mergesThePromptsRankingsIntoTheirMajorityOrderWithMeanScores() {
		RankedGroup first = new RankedGroup(7, "p", ABC, List.of(List.of(1L), List.of(2L), List.of(3L)),
				Map.of(1L, 7, 2L, 4, 3L, 1));
		RankedGroup second = new RankedGroup(7, "p", ABC, List.of(List.of(2L), List.of(1L), List.of(3L)),
				Map.of(1L, 6, 2L, 5, 3L, 2));
		RankedGroup third = new RankedGroup(7, "p", ABC, List.of(List.of(1L), List.of(3L), List.of(2L)),
				Map.of(1L, 7, 2L, 3, 3L, 4));
		RankedGroup otherPrompt = new RankedGroup(8, "q", ABC, List.of(List.of(3L), List.of(2L, 1L)));

		List<RankedGroup> merged = ConsensusGroups.merge(List.of(first, second, third, otherPrompt));

		assertThat(merged).hasSize(2);
		assertThat(merged.get(0).tiers()).isEqualTo(List.of(List.of(1L), List.of(2L), List.of(3L)));
		assertThat(merged.get(0).candidates()).isEqualTo(ABC);
		assertThat(merged.get(0).scores()).isEqualTo(Map.of(1L, 7, 2L, 4, 3L, 2));
		assertThat(merged.get(1).tiers()).isEqualTo(List.of(List.of(3L), List.of(1L, 2L)));
	}

}
