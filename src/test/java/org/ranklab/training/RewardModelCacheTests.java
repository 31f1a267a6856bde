package org.ranklab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.ranklab.training.engine.Candidate;
import org.ranklab.training.engine.RankedGroup;
import org.ranklab.training.engine.RewardModel;
import org.ranklab.training.engine.RewardModelTrainer;
import org.ranklab.training.engine.TrainingMonitor;
import org.ranklab.training.engine.TrainingSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bounded cache of loaded models, with a real (tiny) model. */
class RewardModelCacheTests {

	private static byte[] artifact;

	@BeforeAll
	static void trainATinyModel() {
		List<RankedGroup> groups = new ArrayList<>();
		for (long p = 1; p <= 10; p++) {
			groups.add(new RankedGroup(p, "prompt " + p,
					List.of(new Candidate(p * 10, "good clear answer " + p), new Candidate(p * 10 + 1, "bad answer")),
					List.of(List.of(p * 10), List.of(p * 10 + 1))));
		}
		artifact = new RewardModelTrainer()
			.train(groups, TrainingSettings.builder().optEpochs(1).optValidationFraction(0).build(),
					TrainingMonitor.NONE)
			.artifact();
	}

	@Test
	void loadsAModelOnceAndClosesTheLeastRecentlyUsedBeyondItsCapacity() {
		RewardModelCache cache = new RewardModelCache(2);
		AtomicInteger loads = new AtomicInteger();
		List<RewardModel> loaded = new ArrayList<>();
		java.util.function.Function<Long, RewardModel> load = id -> {
			loads.incrementAndGet();
			RewardModel model = RewardModel.load(artifact);
			loaded.add(model);
			return model;
		};

		cache.with(1L, load, model -> model.score("p", List.of("a")));
		cache.with(1L, load, model -> model.score("p", List.of("a")));
		cache.with(2L, load, model -> model.score("p", List.of("a")));
		cache.with(1L, load, model -> model.score("p", List.of("a")));
		cache.with(3L, load, model -> model.score("p", List.of("a")));

		assertThat(loads.get()).isEqualTo(3);
		assertThat(cache.size()).isEqualTo(2);
		// Model 2 was the least recently used: closed, its native memory freed.
		assertThatThrownBy(() -> loaded.get(1).score("p", List.of("a"))).isInstanceOf(RuntimeException.class);
		assertThat(loaded.get(0).score("p", List.of("a"))).hasSize(1);
		cache.destroy();
	}

	@Test
	void aModelEvictedWhileInUseIsClosedOnlyAfterItsRequestEnds() {
		RewardModelCache cache = new RewardModelCache(1);
		List<RewardModel> loaded = new ArrayList<>();
		java.util.function.Function<Long, RewardModel> load = id -> {
			RewardModel model = RewardModel.load(artifact);
			loaded.add(model);
			return model;
		};

		double[] scores = cache.with(1L, load, first -> {
			// Another request loads a second model meanwhile and evicts this one.
			cache.with(2L, load, second -> second.score("p", List.of("a")));
			return first.score("p", List.of("a", "b"));
		});

		assertThat(scores).hasSize(2);
		assertThatThrownBy(() -> loaded.get(0).score("p", List.of("a"))).isInstanceOf(RuntimeException.class);
		cache.destroy();
	}

	@Test
	void aSlowLoadOfOneModelDoesNotHoldUpScoringWithAnotherCachedOne() throws Exception {
		RewardModelCache cache = new RewardModelCache(2);
		cache.with(1L, id -> RewardModel.load(artifact), model -> model.score("p", List.of("a")));
		CountDownLatch loading = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Function<Long, RewardModel> slowLoad = id -> {
			loading.countDown();
			await(release);
			return RewardModel.load(artifact);
		};
		CompletableFuture<double[]> slow = CompletableFuture
			.supplyAsync(() -> cache.with(2L, slowLoad, model -> model.score("p", List.of("a"))));
		try {
			assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();

			CompletableFuture<double[]> cached = CompletableFuture.supplyAsync(
					() -> cache.with(1L, id -> RewardModel.load(artifact), model -> model.score("p", List.of("a"))));

			assertThat(cached.get(10, TimeUnit.SECONDS)).as("scored while model 2 still loads").hasSize(1);
			assertThat(slow).isNotDone();
		}
		finally {
			release.countDown();
		}
		assertThat(slow.get(30, TimeUnit.SECONDS)).hasSize(1);
		cache.destroy();
	}

	@Test
	void requestsForAModelThatIsLoadingWaitForThatOneLoad() throws Exception {
		RewardModelCache cache = new RewardModelCache(2);
		AtomicInteger loads = new AtomicInteger();
		CountDownLatch release = new CountDownLatch(1);
		Function<Long, RewardModel> slowLoad = id -> {
			loads.incrementAndGet();
			await(release);
			return RewardModel.load(artifact);
		};
		List<CompletableFuture<double[]>> requests = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			requests.add(CompletableFuture
				.supplyAsync(() -> cache.with(7L, slowLoad, model -> model.score("p", List.of("a")))));
		}
		Thread.sleep(200);
		release.countDown();

		for (CompletableFuture<double[]> request : requests) {
			assertThat(request.get(30, TimeUnit.SECONDS)).hasSize(1);
		}
		assertThat(loads.get()).isEqualTo(1);
		cache.destroy();
	}

	@Test
	void aFailedLoadIsTriedAgainByTheNextRequest() {
		RewardModelCache cache = new RewardModelCache(2);
		AtomicInteger loads = new AtomicInteger();
		Function<Long, RewardModel> failOnce = id -> {
			if (loads.incrementAndGet() == 1) {
				throw new IllegalStateException("artifact unreadable");
			}
			return RewardModel.load(artifact);
		};

		assertThatThrownBy(() -> cache.with(1L, failOnce, model -> model.score("p", List.of("a"))))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("artifact unreadable");
		double[] scores = cache.with(1L, failOnce, model -> model.score("p", List.of("a")));

		assertThat(scores).as("loaded on the second request").hasSize(1);
		assertThat(loads.get()).isEqualTo(2);
		cache.destroy();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
