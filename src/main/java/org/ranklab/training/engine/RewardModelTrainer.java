package org.ranklab.training.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import ai.djl.Model;
import ai.djl.training.Trainer;

/**
 * Trains a reward model from ranked groups with DJL's PyTorch engine on the CPU, in DJL's
 * terms: a {@link RankingDataset} of batches labelled by their {@link RewardLoss}, one
 * {@link Trainer} per network stepping through it as {@code EasyTrain} does, the
 * {@link PairwiseAccuracy} evaluator on the held-out prompts, progress and cancel in a
 * {@link ProgressListener}. Each run builds its own vocabulary, {@link Model} and
 * {@link Trainer} and closes them, so nothing native outlives the run; the trained
 * network leaves as a zip ({@link TrainingResult#artifact()}). Blocking: call it on a
 * worker thread.
 */
public final class RewardModelTrainer {

	/**
	 * PyTorch lets one gradient collector record at a time in the whole process, so runs
	 * in one JVM take turns (the training worker already runs one at a time; this also
	 * covers any other caller).
	 */
	private static final ReentrantLock ONE_RUN_PER_PROCESS = new ReentrantLock(true);

	/**
	 * Trains the settings' networks (an ensemble's members side by side on one split as
	 * an {@link Ensemble}).
	 */
	public TrainingResult train(List<RankedGroup> groups, TrainingSettings settings, TrainingMonitor monitor) {
		List<PreparedRankings> prepared = prepare(groups, settings);
		ONE_RUN_PER_PROCESS.lock();
		try {
			NativeEngine.useThreads(settings.threads());
			try (Ensemble ensemble = new Ensemble(prepared, settings, monitor)) {
				return ensemble.fit();
			}
		}
		finally {
			ONE_RUN_PER_PROCESS.unlock();
		}
	}

	/**
	 * One preparation per member; members reading the same inputs share it (split and
	 * vocabulary are the same).
	 */
	static List<PreparedRankings> prepare(List<RankedGroup> groups, TrainingSettings settings) {
		Map<Architecture, PreparedRankings> byArchitecture = new HashMap<>();
		List<PreparedRankings> prepared = new ArrayList<>();
		for (Architecture member : settings.members()) {
			prepared.add(byArchitecture.computeIfAbsent(member,
					a -> PreparedRankings.of(groups, memberSettings(settings, a), a)));
		}
		return prepared;
	}

	/**
	 * A member's settings: the run's, except that a finetuned member of an ensemble keeps
	 * its own measured defaults (a pretrained encoder wants a learning rate ten times
	 * smaller, fewer epochs, smaller batches and its own token limits). Objective, split,
	 * seed, threads and length prior stay the run's, so every member sees the same
	 * rankings.
	 */
	static TrainingSettings memberSettings(TrainingSettings run, Architecture member) {
		if (member != Architecture.FINETUNED || run.architecture() == Architecture.FINETUNED) {
			return run;
		}
		return TrainingSettings.builder(Architecture.FINETUNED)
			.optObjective(run.objective())
			.optValidationFraction(run.validationFraction())
			.optSeed(run.seed())
			.optThreads(run.threads())
			.optLengthPrior(run.lengthPrior())
			.build();
	}

}
