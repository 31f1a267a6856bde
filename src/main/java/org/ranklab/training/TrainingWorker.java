package org.ranklab.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.ranklab.jobs.JobContext;
import org.ranklab.jobs.JobWorker;
import org.ranklab.training.engine.EpochMetrics;
import org.ranklab.training.engine.NotTrainableException;
import org.ranklab.training.engine.RankedGroup;
import org.ranklab.training.engine.RewardModelTrainer;
import org.ranklab.training.engine.TrainingCancelledException;
import org.ranklab.training.engine.TrainingProgress;
import org.ranklab.training.engine.TrainingResult;

/**
 * Runs a training job: loads the project's rankings, trains (one run at a time per
 * instance, on the engine's bounded intra-op threads, so labeling stays responsive),
 * writes each epoch's metrics as it ends and stores the model with its run in one
 * transaction. A revived job whose earlier attempt already stored the model ends at once;
 * otherwise training starts over (runs are seeded, so it gives the same model).
 */
@Component
class TrainingWorker implements JobWorker {

	static final String TYPE = "training";

	private static final Logger log = LoggerFactory.getLogger(TrainingWorker.class);

	/**
	 * Training takes the CPU: two runs side by side would only slow both and starve
	 * labeling.
	 */
	private final Semaphore oneAtATime = new Semaphore(1, true);

	private final TrainingRunStore runs;

	private final RewardModelStore models;

	private final TrainingData data;

	private final TransactionTemplate transaction;

	TrainingWorker(TrainingRunStore runs, RewardModelStore models, TrainingData data,
			PlatformTransactionManager transactions) {
		this.runs = runs;
		this.models = models;
		this.data = data;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public void run(JobContext job) throws Exception {
		long runId = job.parameters().path("training_run_id").asLong();
		TrainingRunStore.Work work = runs.work(runId)
			.orElseThrow(() -> new IllegalStateException("training run " + runId + " does not exist"));
		if (work.rewardModelId() != null) {
			job.report(1, "model " + work.rewardModelId() + " was stored by an earlier attempt", Map.of());
			return;
		}
		if (!oneAtATime.tryAcquire()) {
			job.report(0, "waiting for another training run on this instance to end", Map.of());
			while (!oneAtATime.tryAcquire(200, TimeUnit.MILLISECONDS)) {
				if (job.isCancelRequested()) {
					return;
				}
			}
		}
		try {
			train(job, work);
		}
		finally {
			oneAtATime.release();
		}
	}

	private void train(JobContext job, TrainingRunStore.Work work) {
		RunSettings settings = RunSettings.of(work.settings());
		runs.started(work.id());
		job.report(0, "loading rankings", Map.of());
		List<RankedGroup> rankings = data.rankings(work.projectId());
		List<RankedGroup> groups = settings.source() == TrainingSource.CONSENSUS ? ConsensusGroups.merge(rankings)
				: rankings;
		log.info("Training run {} (job {}): {} rankings of project {}, {}", work.id(), job.id(), groups.size(),
				work.projectId(), settings.asMap());
		job.report(0, "training on %d rankings".formatted(groups.size()), Map.of("rankings", groups.size()));
		Monitor monitor = new Monitor(job, work.id(), groups.size());
		TrainingResult result;
		try {
			result = new RewardModelTrainer().train(groups, settings.training(), monitor);
		}
		catch (TrainingCancelledException e) {
			return; // the job ends CANCELLED, and the run with it
					// (TrainingRunsFollowJobs)
		}
		catch (NotTrainableException e) {
			// Only settings the request could not check get here (e.g. every scored
			// ranking was not rankable).
			throw new IllegalStateException(e.getMessage(), e);
		}
		// Any other failure fails the job with its message, and the run with it
		// (TrainingRunsFollowJobs); a run cut short by a shutdown stays RUNNING and
		// resumes later.
		if (job.isCancelRequested()) {
			return;
		}
		long modelId = transaction.execute(status -> {
			runs.metrics(work.id(), metrics(result.metrics()));
			long id = models.insert(work.projectId(), work.id(), settings, result, summary(result));
			runs.succeeded(work.id(), id);
			return id;
		});
		job.report(1, "model %d: validation accuracy %s".formatted(modelId, accuracy(result)),
				Map.of("rankings", groups.size(), "reward_model_id", modelId));
	}

	private static String accuracy(TrainingResult result) {
		Double accuracy = finite(result.last().valAccuracy());
		return accuracy == null ? "n/a (nothing held out)" : "%.3f".formatted(accuracy);
	}

	/** Reports progress after every batch; writes the metrics when an epoch has ended. */
	private final class Monitor implements org.ranklab.training.engine.TrainingMonitor {

		private final JobContext job;

		private final long runId;

		private final int rankings;

		private int epochsWritten;

		Monitor(JobContext job, long runId, int rankings) {
			this.job = job;
			this.runId = runId;
			this.rankings = rankings;
		}

		@Override
		public boolean proceed(TrainingProgress progress) {
			if (progress.metrics().size() > epochsWritten) {
				runs.metrics(runId, metrics(progress.metrics()));
				epochsWritten = progress.metrics().size();
			}
			job.report(progress.fraction(), describe(progress),
					Map.of("rankings", rankings, "epoch", progress.epoch(), "epochs", progress.epochs()));
			return !job.isCancelRequested();
		}

	}

	/** The message the training page shows: the epoch and, once known, the time left. */
	static String describe(TrainingProgress progress) {
		String epoch = "epoch %d of %d".formatted(progress.epoch(), progress.epochs());
		Long seconds = progress.secondsLeft();
		if (seconds == null) {
			return epoch;
		}
		String left = seconds < 90 ? seconds + " s" : Math.round(seconds / 60.0) + " min";
		return epoch + ", about " + left + " left";
	}

	static List<Map<String, Object>> metrics(List<EpochMetrics> epochs) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (EpochMetrics epoch : epochs) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("epoch", epoch.epoch());
			row.put("train_loss", finite(epoch.trainLoss()));
			row.put("val_loss", finite(epoch.valLoss()));
			row.put("val_accuracy", finite(epoch.valAccuracy()));
			rows.add(row);
		}
		return rows;
	}

	private static Map<String, Object> summary(TrainingResult result) {
		EpochMetrics last = result.last();
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("epochs", result.metrics().size());
		summary.put("train_loss", finite(last.trainLoss()));
		summary.put("val_loss", finite(last.valLoss()));
		summary.put("val_accuracy", finite(last.valAccuracy()));
		summary.put("training_prompts", result.trainingPrompts());
		summary.put("validation_prompts", result.validationPrompts());
		summary.put("training_pairs", result.trainingPairs());
		summary.put("training_millis", result.trainingMillis());
		return summary;
	}

	/**
	 * JSON has no NaN: a figure that could not be computed (no held-out pair) is null.
	 */
	private static Double finite(Double value) {
		return value == null || value.isNaN() || value.isInfinite() ? null : value;
	}

}
