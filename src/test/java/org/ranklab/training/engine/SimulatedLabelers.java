package org.ranklab.training.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Labelers who all perceive a candidate the same way up to their own judgement noise, but
 * who each use the 1..7 scale in their own way: a personal offset and scale, as real
 * labelers do. Each labeler's ranking of a prompt follows the order of what they
 * perceive, and their scores are that same perception passed through their own scale, so
 * rankings and scores carry the same preference and differ only in calibration. The
 * candidates and their hidden quality come from {@link SyntheticRankings}.
 *
 * @param labelers how many labelers share the prompts (each prompt is ranked by one)
 * @param judgementNoise standard deviation of the noise on each perceived quality
 * @param calibrationNoise spread of the labelers' offsets (normal, this standard
 * deviation) and scales (log-normal, half of it)
 */
record SimulatedLabelers(int labelers, double judgementNoise, double calibrationNoise) {

	/** Scale points per unit of quality for a labeler of scale one. */
	private static final double POINTS_PER_QUALITY = 0.75;

	List<RankedGroup> rank(List<RankedGroup> prompts, long seed) {
		Random random = new Random(seed);
		double[] offsets = new double[labelers];
		double[] scales = new double[labelers];
		for (int l = 0; l < labelers; l++) {
			offsets[l] = calibrationNoise * random.nextGaussian();
			scales[l] = Math.exp(calibrationNoise / 2 * random.nextGaussian());
		}
		List<RankedGroup> ranked = new ArrayList<>(prompts.size());
		for (RankedGroup prompt : prompts) {
			int labeler = random.nextInt(labelers);
			List<Candidate> candidates = prompt.candidates();
			double[] perceived = candidates.stream()
				.mapToDouble(c -> SyntheticRankings.quality(c.text()) + judgementNoise * random.nextGaussian())
				.toArray();
			List<List<Long>> tiers = IntStream.range(0, candidates.size())
				.boxed()
				.sorted(Comparator.comparingDouble(i -> -perceived[i]))
				.map(i -> List.of(candidates.get(i).id()))
				.toList();
			Map<Long, Integer> scores = new HashMap<>();
			for (int i = 0; i < candidates.size(); i++) {
				double point = 4 + offsets[labeler] + scales[labeler] * POINTS_PER_QUALITY * perceived[i];
				scores.put(candidates.get(i).id(), (int) Math.max(1, Math.min(7, Math.round(point))));
			}
			ranked.add(new RankedGroup(prompt.promptId(), prompt.prompt(), candidates, tiers, scores));
		}
		return ranked;
	}

}
