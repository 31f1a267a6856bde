package org.ranklab.training.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The networks of one run trained in lock step, epoch by epoch, each by its
 * {@link Member}; a single network is an ensemble of one. With more than one, the reward
 * is the mean of the members' rewards, each standardised by its mean and standard
 * deviation over the training candidates; one network's reward is its own raw reward and
 * its artifact its own. Each member trains its own number of epochs (a finetuned member
 * fewer than pooled ones); an epoch's training loss is the mean over the members that
 * trained in it.
 */
final class Ensemble implements AutoCloseable {

	private final TrainingSettings settings;

	private final List<Member> members = new ArrayList<>();

	private final List<EpochMetrics> metrics = new ArrayList<>();

	private final Validation validation;

	/** The most epochs of any member: a member with fewer stops early. */
	private final int epochs;

	/**
	 * @param prepared one preparation per member; every member encodes the same groups in
	 * the same order, so rows and examples line up
	 */
	Ensemble(List<PreparedRankings> prepared, TrainingSettings settings, TrainingMonitor monitor) {
		this.settings = settings;
		PreparedRankings first = prepared.get(0);
		this.validation = new Validation(first.validation(), settings.batchSize());
		this.epochs = prepared.stream().mapToInt(p -> p.settings().epochs()).max().orElseThrow();
		int steps = prepared.stream().mapToInt(Ensemble::steps).sum();
		ProgressListener progress = new ProgressListener(monitor, epochs, prepared.size(), steps, metrics);
		try {
			for (int i = 0; i < prepared.size(); i++) {
				// member 0 keeps the run's seed, so a single network trains exactly as it
				// always did
				members.add(new Member(prepared.get(i), settings.seed() + 1009L * i, progress));
			}
		}
		catch (RuntimeException e) {
			close();
			throw e;
		}
	}

	TrainingResult fit() {
		long started = System.nanoTime();
		for (int epoch = 1; epoch <= epochs; epoch++) {
			int epochNumber = epoch;
			List<Member> training = members.stream().filter(m -> m.epochs() >= epochNumber).toList();
			double trainLoss = 0;
			for (Member member : training) {
				trainLoss += member.trainEpoch() / training.size();
			}
			metrics.add(validate(epoch, trainLoss));
			members.forEach(Member::endEpoch);
		}
		return result((System.nanoTime() - started) / 1_000_000);
	}

	/** Optimizer steps of one member's whole training. */
	private static int steps(PreparedRankings member) {
		int batchSize = member.settings().batchSize();
		return (member.training().examples.size() + batchSize - 1) / batchSize * member.settings().epochs();
	}

	private EpochMetrics validate(int epoch, double trainLoss) {
		if (validation.isEmpty()) {
			return new EpochMetrics(epoch, trainLoss, null, null);
		}
		List<double[]> rewards = new ArrayList<>();
		List<RewardStatistics> training = new ArrayList<>();
		for (Member member : members) {
			rewards.add(member.rewards(member.prepared.validation()));
			training.add(members.size() > 1 ? RewardStatistics.of(member.rewards(member.prepared.training())) : null);
		}
		Member first = members.get(0);
		return validation.measure(epoch, trainLoss, RewardStatistics.combined(rewards, training), first.loss(),
				first::newScope);
	}

	private TrainingResult result(long millis) {
		List<double[]> rewards = new ArrayList<>();
		List<RewardStatistics> statistics = new ArrayList<>();
		List<byte[]> artifacts = new ArrayList<>();
		for (Member member : members) {
			double[] memberRewards = member.rewards(member.prepared.training());
			RewardStatistics memberStatistics = RewardStatistics.of(memberRewards);
			rewards.add(memberRewards);
			statistics.add(memberStatistics);
			ModelConfig trained = member.prepared.config()
				.withRewardStatistics(memberStatistics.mean(), memberStatistics.std());
			artifacts.add(ModelArtifact.write(trained, member.prepared.vocabulary(), member.net));
		}
		RewardStatistics combined = RewardStatistics.of(RewardStatistics.combined(rewards, statistics));
		byte[] artifact = members.size() == 1 ? artifacts.get(0) : ModelArtifact
			.writeEnsemble(ensembleConfig().withRewardStatistics(combined.mean(), combined.std()), artifacts);
		PreparedRankings first = members.get(0).prepared;
		return new TrainingResult(List.copyOf(metrics), combined.mean(), combined.std(), artifact,
				PreparedRankings.distinctPrompts(first.split().training()),
				PreparedRankings.distinctPrompts(first.split().validation()),
				first.training().unitsPerEpoch(settings.objective()), millis);
	}

	/**
	 * The ensemble's own config: the first member's tokenizer settings, its architecture
	 * and member count.
	 */
	private ModelConfig ensembleConfig() {
		String textEncoder = members.stream()
			.map(m -> m.prepared.config().textEncoder())
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
		return members.get(0).prepared.config().asEnsemble(members.size(), textEncoder);
	}

	@Override
	public void close() {
		members.forEach(Member::close);
	}

}
