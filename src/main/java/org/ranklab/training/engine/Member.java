package org.ranklab.training.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Random;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.translate.TranslateException;

/**
 * One network of a run with its own {@link Model}, {@link Trainer} (AdamW with the
 * warm-up and linear schedule) and shuffling, trained an epoch at a time as DJL's
 * {@link EasyTrain#fit} does. Close it to free native memory.
 */
final class Member implements AutoCloseable {

	final PreparedRankings prepared;

	final RewardNet net;

	private final Model model;

	private final Trainer trainer;

	private final RewardLoss loss;

	private final RankingDataset dataset;

	private final EpochLoss epochLoss = new EpochLoss();

	private int epochsTrained;

	/**
	 * Rewards once every epoch is trained: they no longer change while an ensemble's
	 * other members go on (a finetuned member's pass over the texts is costly).
	 */
	private final Map<EncodedRankings, double[]> finalRewards = new IdentityHashMap<>();

	/**
	 * @param seed initialises the network, its dropout and its shuffling
	 * @param progress the run's listener, told of every batch and epoch
	 */
	Member(PreparedRankings prepared, long seed, TrainingListener progress) {
		this.prepared = prepared;
		TrainingSettings settings = prepared.settings();
		this.net = RewardNet.create(prepared.config());
		if (net instanceof FinetunedRewardNet finetuned) {
			finetuned.freezeBelow(settings.frozenLayers());
		}
		this.loss = RewardLoss.of(settings.objective());
		this.dataset = new RankingDataset(prepared.training(), net, loss, settings.batchSize(), settings.tokenDropout(),
				new Random(seed));
		DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(loss)
			.optDevices(new Device[] { NativeEngine.device() })
			.optOptimizer(optimizer(settings))
			.addTrainingListeners(epochLoss, progress);
		NativeEngine.get().setRandomSeed((int) seed);
		this.model = Model.newInstance("reward-model", NativeEngine.device(), "PyTorch");
		try {
			model.setBlock(net);
			this.trainer = model.newTrainer(trainingConfig);
			trainer.initialize(net.sampleShapes());
		}
		catch (RuntimeException e) {
			model.close();
			throw e;
		}
	}

	private Optimizer optimizer(TrainingSettings settings) {
		Optimizer body = adamW(settings, settings.learningRate());
		if (net instanceof FinetunedRewardNet finetuned && settings.headLearningRateFactor() != 1) {
			return new TwoRateOptimizer(body,
					adamW(settings, settings.learningRate() * settings.headLearningRateFactor()),
					finetuned.headParameterIds());
		}
		return body;
	}

	private Optimizer adamW(TrainingSettings settings, double peakLearningRate) {
		return Optimizer.adamW()
			.optLearningRateTracker(LearningRateSchedule.warmUpThenLinearDecay((float) peakLearningRate,
					batchesPerEpoch() * settings.epochs()))
			.optWeightDecays((float) settings.weightDecay())
			.build();
	}

	int batchesPerEpoch() {
		return dataset.batches();
	}

	/** The epochs this member trains (a run's members may differ). */
	int epochs() {
		return prepared.settings().epochs();
	}

	/** One pass over the training rankings; returns its mean loss per ranking. */
	double trainEpoch() {
		try {
			for (Batch batch : trainer.iterateDataset(dataset)) {
				try (batch) {
					EasyTrain.trainBatch(trainer, batch);
					trainer.step();
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (TranslateException e) {
			throw new IllegalStateException(e);
		}
		epochsTrained++;
		return epochLoss.takeMean();
	}

	/** Tells the trainer's listeners that the run's epoch has ended. */
	void endEpoch() {
		trainer.notifyListeners(listener -> listener.onEpoch(trainer));
	}

	/** Raw rewards of every row of an encoded table, without dropout. */
	double[] rewards(EncodedRankings data) {
		if (epochsTrained == epochs()) {
			return finalRewards.computeIfAbsent(data, this::score);
		}
		return score(data);
	}

	private double[] score(EncodedRankings data) {
		return net.rewards(trainer.getManager(), new ParameterStore(trainer.getManager(), false), data.table);
	}

	/** The loss this member trains with (every member of a run has the same). */
	RewardLoss loss() {
		return loss;
	}

	/** A scope for arrays of this member's engine, to close after use. */
	NDManager newScope() {
		return trainer.getManager().newSubManager();
	}

	@Override
	public void close() {
		trainer.close();
		model.close();
	}

}
