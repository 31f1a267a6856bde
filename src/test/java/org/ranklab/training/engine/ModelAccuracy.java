package org.ranklab.training.engine;

import java.util.List;

/**
 * The pairwise accuracy of a loaded model on rankings, scored as the server scores (ties
 * count half): equal to a run's last validation accuracy when the artifact carries what
 * was trained.
 */
final class ModelAccuracy {

	private ModelAccuracy() {
	}

	static double of(RewardModel model, List<RankedGroup> groups) {
		double correct = 0;
		int pairs = 0;
		for (RankedGroup group : groups) {
			double[] scores = model.rawScores(group.prompt(),
					group.candidates().stream().map(Candidate::text).toList());
			for (int[] pair : group.orderedPairs()) {
				correct += scores[pair[0]] > scores[pair[1]] ? 1 : scores[pair[0]] == scores[pair[1]] ? 0.5 : 0;
				pairs++;
			}
		}
		return correct / pairs;
	}

}
