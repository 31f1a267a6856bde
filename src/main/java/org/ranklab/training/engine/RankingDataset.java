package org.ranklab.training.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.util.Progress;

/**
 * The training rankings of one network as a DJL {@link Dataset}: every pass shuffles them
 * and yields batches of {@code batchSize} rankings (all pairs of a ranking stay in one
 * batch) whose rows lost a random share of their tokens, labelled by the loss itself.
 * Batches are built one at a time as the pass asks for them, each in its own manager, and
 * draw from the one {@link Random}, so a seed gives the same batches.
 */
final class RankingDataset implements Dataset {

	private final EncodedRankings data;

	private final RewardNet net;

	private final RewardLoss loss;

	private final int batchSize;

	private final double tokenDropout;

	private final Random random;

	RankingDataset(EncodedRankings data, RewardNet net, RewardLoss loss, int batchSize, double tokenDropout,
			Random random) {
		this.data = data;
		this.net = net;
		this.loss = loss;
		this.batchSize = batchSize;
		this.tokenDropout = tokenDropout;
		this.random = random;
	}

	/** Batches of one pass over the rankings. */
	int batches() {
		return (data.examples.size() + batchSize - 1) / batchSize;
	}

	@Override
	public Iterable<Batch> getData(NDManager manager) {
		List<RankingExample> order = new ArrayList<>(data.examples);
		Collections.shuffle(order, random);
		return () -> new Iterator<>() {

			private int from;

			@Override
			public boolean hasNext() {
				return from < order.size();
			}

			@Override
			public Batch next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				List<RankingExample> examples = order.subList(from, Math.min(order.size(), from + batchSize));
				from += examples.size();
				NDManager scope = manager.newSubManager();
				try {
					NDList inputs = net.inputs(scope, tokenDropout(data.rows(examples), tokenDropout, random));
					NDList labels = loss.labels(scope, examples);
					return new Batch(scope, inputs, labels, examples.size(), null, null, from, order.size());
				}
				catch (RuntimeException e) {
					scope.close();
					throw e;
				}
			}

		};
	}

	@Override
	public void prepare(Progress progress) {
		// encoded in memory already
	}

	/**
	 * Drops a random share of token ids from training rows: on a few thousand pairs a bag
	 * of words otherwise memorises rare words (measured on HH: see
	 * bench/training/README.md).
	 */
	static List<EncodedText> tokenDropout(List<EncodedText> rows, double rate, Random random) {
		if (rate == 0) {
			return rows;
		}
		List<EncodedText> dropped = new ArrayList<>(rows.size());
		for (EncodedText row : rows) {
			dropped.add(new EncodedText(drop(row.prompt(), rate, random), drop(row.response(), rate, random),
					row.features(), row.embedding()));
		}
		return dropped;
	}

	private static int[] drop(int[] ids, double rate, Random random) {
		return Arrays.stream(ids).filter(id -> random.nextDouble() >= rate).toArray();
	}

}
